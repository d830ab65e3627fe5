package io.qspace.model;


/**
 * Partial least squares regression with one response (PLS1, NIPALS) on standardised features. The number of
 * components is capped at the number of features and at n - 1, so a grid like {2, 4, 6, 8} works on any feature set.
 */
public final class PlsBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    PlsBuilder() {
        this(defaults());
    }

    private PlsBuilder(ParamGrid grid) {
        super("pls", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("components", 2);
    }

    public PlsBuilder components(int... components) {
        for (int c : components) {
            if (c < 1) {
                throw new IllegalArgumentException("pls: components must be at least 1, got " + c);
            }
        }
        return (PlsBuilder) with("components", boxed(components));
    }

    @Override
    public ModelBuilder classifier() {
        return new ClippedClassifier("pls-da", this);
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new PlsBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params params) {
        int n = x.length;
        int p = x[0].length;
        int wanted = Math.min(params.getInt("components"), Math.min(p, Math.max(1, n - 1)));
        Standardiser scaler = Standardiser.fit(x);
        double[][] e = scaler.apply(x);
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = y[i] - yMean;
        }
        double[][] w = new double[wanted][];
        double[][] loadings = new double[wanted][];
        double[] q = new double[wanted];
        int a = 0;
        for (; a < wanted; a++) {
            double[] wa = new double[p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    wa[j] += e[i][j] * f[i];
                }
            }
            double wNorm = norm(wa);
            // Nothing left in y that X can explain: further components would only divide by zero.
            if (wNorm < 1e-12) {
                break;
            }
            for (int j = 0; j < p; j++) {
                wa[j] /= wNorm;
            }
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Vectors.dot(e[i], wa);
            }
            double tt = Vectors.dot(t, t);
            if (tt < 1e-12) {
                break;
            }
            double[] pa = new double[p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    pa[j] += e[i][j] * t[i];
                }
            }
            for (int j = 0; j < p; j++) {
                pa[j] /= tt;
            }
            double qa = Vectors.dot(f, t) / tt;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    e[i][j] -= t[i] * pa[j];
                }
                f[i] -= qa * t[i];
            }
            w[a] = wa;
            loadings[a] = pa;
            q[a] = qa;
        }
        return LinearModel.fromStandardised(scaler, yMean, coefficients(w, loadings, q, a, p));
    }

    /** B = W (P'W)^-1 q: the regression coefficients on standardised X implied by the components. */
    private static double[] coefficients(double[][] w, double[][] loadings, double[] q, int a, int p) {
        double[] beta = new double[p];
        if (a == 0) {
            return beta;
        }
        // P'W is upper triangular with unit diagonal in NIPALS, so back substitution suffices.
        double[][] pw = new double[a][a];
        for (int r = 0; r < a; r++) {
            for (int c = 0; c < a; c++) {
                pw[r][c] = Vectors.dot(loadings[r], w[c]);
            }
        }
        double[] z = new double[a];
        for (int r = a - 1; r >= 0; r--) {
            double s = q[r];
            for (int c = r + 1; c < a; c++) {
                s -= pw[r][c] * z[c];
            }
            z[r] = s / pw[r][r];
        }
        for (int c = 0; c < a; c++) {
            for (int j = 0; j < p; j++) {
                beta[j] += w[c][j] * z[c];
            }
        }
        return beta;
    }

    private static double norm(double[] u) {
        return Math.sqrt(Vectors.dot(u, u));
    }
}
