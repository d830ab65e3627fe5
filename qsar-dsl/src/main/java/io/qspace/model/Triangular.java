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

    /** The diagonal of (L L')^-1: entry j is the squared norm of column j of L^-1 (n^3 / 6 multiply-adds). */
    static double[] inverseDiagonal(double[][] l) {
        int n = l.length;
        double[] diagonal = new double[n];
        double[] x = new double[n]; // column j of L^-1, from row j on
        for (int j = 0; j < n; j++) {
            x[j] = 1 / l[j][j];
            double sum = x[j] * x[j];
            for (int r = j + 1; r < n; r++) {
                double[] lr = l[r];
                double s = 0;
                for (int m = j; m < r; m++) {
                    s -= lr[m] * x[m];
                }
                x[r] = s / lr[r];
                sum += x[r] * x[r];
            }
            diagonal[j] = sum;
        }
        return diagonal;
    }

    /** Rows solved together by {@link #forwardRows}: each row of L is read once per block instead of once per row. */
    private static final int BLOCK = 8;

    /**
     * Solves L v = b for every row b of bs; the same numbers as {@link #forward} row by row (each row's sums run in
     * the same order), faster for many rows because L, larger than the caches for hundreds of columns, is streamed
     * once per block of rows.
     */
    static double[][] forwardRows(double[][] l, double[][] bs) {
        double[][] out = new double[bs.length][];
        for (int start = 0; start < bs.length; start += BLOCK) {
            int size = Math.min(BLOCK, bs.length - start);
            if (size < BLOCK) {
                for (int t = start; t < bs.length; t++) {
                    out[t] = forward(l, bs[t]);
                }
                break;
            }
            int n = bs[start].length;
            double[] v0 = new double[n], v1 = new double[n], v2 = new double[n], v3 = new double[n];
            double[] v4 = new double[n], v5 = new double[n], v6 = new double[n], v7 = new double[n];
            double[] b0 = bs[start], b1 = bs[start + 1], b2 = bs[start + 2], b3 = bs[start + 3];
            double[] b4 = bs[start + 4], b5 = bs[start + 5], b6 = bs[start + 6], b7 = bs[start + 7];
            for (int i = 0; i < n; i++) {
                double s0 = b0[i], s1 = b1[i], s2 = b2[i], s3 = b3[i], s4 = b4[i], s5 = b5[i], s6 = b6[i], s7 = b7[i];
                double[] li = l[i];
                for (int m = 0; m < i; m++) {
                    double lm = li[m];
                    s0 -= lm * v0[m];
                    s1 -= lm * v1[m];
                    s2 -= lm * v2[m];
                    s3 -= lm * v3[m];
                    s4 -= lm * v4[m];
                    s5 -= lm * v5[m];
                    s6 -= lm * v6[m];
                    s7 -= lm * v7[m];
                }
                double d = li[i];
                v0[i] = s0 / d;
                v1[i] = s1 / d;
                v2[i] = s2 / d;
                v3[i] = s3 / d;
                v4[i] = s4 / d;
                v5[i] = s5 / d;
                v6[i] = s6 / d;
                v7[i] = s7 / d;
            }
            out[start] = v0;
            out[start + 1] = v1;
            out[start + 2] = v2;
            out[start + 3] = v3;
            out[start + 4] = v4;
            out[start + 5] = v5;
            out[start + 6] = v6;
            out[start + 7] = v7;
        }
        return out;
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
