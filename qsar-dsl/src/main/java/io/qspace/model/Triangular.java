package io.qspace.model;

/** Triangular solves with a lower Cholesky factor L (rows of at least i + 1 entries), shared by the kernel models. */
final class Triangular {
    private Triangular() {}

    /** Solves L v = b. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int m = 0; m < i; m++) {
                s -= li[m] * v[m];
            }
            v[i] = s / li[i];
        }
        return v;
    }

    /** Solves L' w = v. */
    static double[] backward(double[][] l, double[] v) {
        int n = v.length;
        double[] w = v.clone();
        for (int i = n - 1; i >= 0; i--) {
            w[i] /= l[i][i];
            double wi = w[i];
            double[] li = l[i];
            for (int m = 0; m < i; m++) {
                w[m] -= li[m] * wi;
            }
        }
        return w;
    }
}
