package io.qspace.validate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Isotonic calibration: the non-decreasing step function of the score that fits the classes best in squared error
 * (pool-adjacent-violators), interpolated linearly between its steps and held flat beyond them, as scikit-learn's
 * IsotonicRegression(out_of_bounds="clip"). Fit it on out-of-fold scores.
 */
public record Isotonic(double[] x, double[] y) implements Serializable {

    public static Isotonic fit(double[] scores, double[] classes) {
        int n = scores.length;
        if (n == 0 || classes.length != n) {
            throw new IllegalArgumentException("isotonic calibration needs as many classes as scores, and some");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // blocks of equal scores first (a tie is one point), then pool adjacent violators
        double[] value = new double[n];
        double[] weight = new double[n];
        double[] at = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (blocks > 0 && at[blocks - 1] == scores[i]) {
                value[blocks - 1] = (value[blocks - 1] * weight[blocks - 1] + classes[i]) / (weight[blocks - 1] + 1);
                weight[blocks - 1]++;
            } else {
                value[blocks] = classes[i];
                weight[blocks] = 1;
                at[blocks] = scores[i];
                blocks++;
            }
        }
        double[] pooledValue = new double[blocks];
        double[] pooledWeight = new double[blocks];
        int[] firstBlock = new int[blocks];
        int top = 0;
        for (int b = 0; b < blocks; b++) {
            pooledValue[top] = value[b];
            pooledWeight[top] = weight[b];
            firstBlock[top] = b;
            top++;
            while (top > 1 && pooledValue[top - 2] >= pooledValue[top - 1]) {
                double w = pooledWeight[top - 2] + pooledWeight[top - 1];
                pooledValue[top - 2] = (pooledValue[top - 2] * pooledWeight[top - 2]
                        + pooledValue[top - 1] * pooledWeight[top - 1]) / w;
                pooledWeight[top - 2] = w;
                top--;
            }
        }
        // each pooled block as two points (its first and last score) so interpolation is flat inside it
        double[] xs = new double[2 * top];
        double[] ys = new double[2 * top];
        int m = 0;
        for (int p = 0; p < top; p++) {
            int from = firstBlock[p];
            int to = p + 1 < top ? firstBlock[p + 1] - 1 : blocks - 1;
            xs[m] = at[from];
            ys[m++] = pooledValue[p];
            if (to > from) {
                xs[m] = at[to];
                ys[m++] = pooledValue[p];
            }
        }
        return new Isotonic(Arrays.copyOf(xs, m), Arrays.copyOf(ys, m));
    }

    public double probability(double score) {
        if (score <= x[0]) return y[0];
        if (score >= x[x.length - 1]) return y[y.length - 1];
        int hi = Arrays.binarySearch(x, score);
        if (hi >= 0) return y[hi];
        hi = -hi - 1;
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (score - x[lo]) / (x[hi] - x[lo]);
    }
}
