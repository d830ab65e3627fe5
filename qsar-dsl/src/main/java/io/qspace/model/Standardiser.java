package io.qspace.model;

import java.io.Serializable;

/**
 * Column centring and scaling learnt on training rows and kept inside a model, so the model takes raw rows.
 * A constant column keeps scale 1: it becomes 0 everywhere instead of NaN.
 */
final class Standardiser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] mean;
    private final double[] scale;

    private Standardiser(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardiser fit(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            // Population sd, as scikit-learn's StandardScaler, so both pipelines scale alike.
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardiser(mean, scale);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    double mean(int j) {
        return mean[j];
    }

    double scale(int j) {
        return scale[j];
    }
}
