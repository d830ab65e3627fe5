package io.qspace.model.trees;

import java.util.SplittableRandom;

/** Fingerprint-like data: sparse small counts, with a nonlinear signal planted in a few named columns. */
final class Counts {
    static final int[] SIGNAL = {3, 17, 40};

    private Counts() {}

    static double[][] x(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                // The signal columns are denser so that each carries enough information to be found.
                double density = j == SIGNAL[0] || j == SIGNAL[1] || j == SIGNAL[2] ? 0.4 : 0.05;
                row[j] = random.nextDouble() < density ? 1 + random.nextInt(3) : 0;
            }
        }
        return x;
    }

    /** Nonlinear: a step in one count, an interaction of two others. */
    static double[] y(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] r = x[i];
            y[i] = 6 + (r[SIGNAL[0]] >= 2 ? 1.5 : 0) + 0.8 * Math.min(r[SIGNAL[1]], 1) * Math.min(r[SIGNAL[2]], 1)
                    + 0.2 * random.nextGaussian();
        }
        return y;
    }

    static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s / a.length);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    static double meanRmse(double[] train, double[] test) {
        double m = mean(train);
        double s = 0;
        for (double d : test) s += (d - m) * (d - m);
        return Math.sqrt(s / test.length);
    }

    static int[] topColumns(double[] importance, int k) {
        return java.util.stream.IntStream.range(0, importance.length).boxed()
                .sorted((a, b) -> Double.compare(importance[b], importance[a])).limit(k).mapToInt(i -> i)
                .sorted().toArray();
    }
}
