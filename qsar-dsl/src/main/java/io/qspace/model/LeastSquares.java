package io.qspace.model;

/**
 * Ordinary least squares by Householder QR with column pivoting, in plain Java. Collinear or surplus columns (more
 * descriptors than compounds) are detected as rank deficiency and get coefficient 0 instead of an exception: the
 * "basic" least-squares solution, which fits the training rows as well as the pseudo-inverse one.
 */
final class LeastSquares {
    /** Columns whose remaining norm falls below this fraction of their own norm count as linearly dependent. */
    private static final double RANK_TOLERANCE = 1e-9;

    private LeastSquares() {}

    /** Coefficients b minimising |y - X b| for centred X and y (no intercept column). */
    static double[] solve(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        // Column-major copy, each column scaled to unit length so the rank test does not depend on units.
        double[][] a = new double[p][n];
        double[] colNorm = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                a[j][i] = x[i][j];
                s += x[i][j] * x[i][j];
            }
            colNorm[j] = Math.sqrt(s);
            if (colNorm[j] > 0) {
                for (int i = 0; i < n; i++) {
                    a[j][i] /= colNorm[j];
                }
            }
        }
        double[] b = y.clone();
        int[] perm = new int[p];
        for (int j = 0; j < p; j++) {
            perm[j] = j;
        }
        int steps = Math.min(n, p);
        int rank = 0;
        for (int k = 0; k < steps; k++) {
            int best = -1;
            double bestNorm = -1;
            for (int j = k; j < p; j++) {
                double s = 0;
                double[] col = a[j];
                for (int i = k; i < n; i++) {
                    s += col[i] * col[i];
                }
                if (s > bestNorm) {
                    bestNorm = s;
                    best = j;
                }
            }
            if (Math.sqrt(bestNorm) < RANK_TOLERANCE || colNorm[perm[best]] == 0) {
                break;
            }
            double[] tmp = a[k];
            a[k] = a[best];
            a[best] = tmp;
            int t = perm[k];
            perm[k] = perm[best];
            perm[best] = t;

            double[] v = a[k];
            double norm = Math.sqrt(bestNorm);
            double alpha = v[k] > 0 ? -norm : norm;
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += v[i] * v[i];
            }
            for (int j = k + 1; j < p; j++) {
                reflect(v, vv, a[j], k, n);
            }
            reflect(v, vv, b, k, n);
            // Keep the diagonal of R in place of the reflector's first entry once the reflector has been used.
            v[k] = alpha;
            rank++;
        }
        double[] z = new double[rank];
        for (int k = rank - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < rank; j++) {
                s -= a[j][k] * z[j];
            }
            z[k] = s / a[k][k];
        }
        double[] coefficients = new double[p];
        for (int k = 0; k < rank; k++) {
            coefficients[perm[k]] = z[k] / colNorm[perm[k]];
        }
        return coefficients;
    }

    private static void reflect(double[] v, double vv, double[] target, int from, int n) {
        double s = 0;
        for (int i = from; i < n; i++) {
            s += v[i] * target[i];
        }
        double f = 2 * s / vv;
        for (int i = from; i < n; i++) {
            target[i] -= f * v[i];
        }
    }
}
