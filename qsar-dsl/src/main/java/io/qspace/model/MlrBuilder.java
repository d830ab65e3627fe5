package io.qspace.model;


/** Multiple linear regression (ordinary least squares) on raw features; never fails on collinear columns. */
public final class MlrBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    MlrBuilder() {
        this(ParamGrid.none());
    }

    private MlrBuilder(ParamGrid grid) {
        super("mlr", grid);
    }

    @Override
    public ModelBuilder classifier() {
        return new LogisticBuilder();
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new MlrBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params unused) {
        int n = x.length;
        int p = x[0].length;
        double[] xMean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            yMean += y[i];
            for (int j = 0; j < p; j++) {
                xMean[j] += x[i][j];
            }
        }
        yMean /= n;
        for (int j = 0; j < p; j++) {
            xMean[j] /= n;
        }
        double[][] xc = new double[n][p];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
            for (int j = 0; j < p; j++) {
                xc[i][j] = x[i][j] - xMean[j];
            }
        }
        double[] b = LeastSquares.solve(xc, yc);
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            intercept -= b[j] * xMean[j];
        }
        return new LinearModel(intercept, b);
    }
}
