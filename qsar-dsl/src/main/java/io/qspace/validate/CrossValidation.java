package io.qspace.validate;

import io.qspace.model.Model;
import io.qspace.model.ModelBuilder;
import io.qspace.model.Seeds;

/** k-fold cross-validation of one builder point: every compound is predicted once by a model that never saw it. */
public final class CrossValidation {
    private CrossValidation() {}

    public static CvResult run(ModelBuilder builder, double[][] x, double[] y, int k, long seed) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " compounds but " + y.length + " activities");
        }
        checkFolds(n, k);
        int[] fold = Folds.assign(n, k, seed);
        double[] predicted = new double[n];
        for (int f = 0; f < k; f++) {
            int testSize = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    testSize++;
                }
            }
            double[][] trainX = new double[n - testSize][];
            double[] trainY = new double[n - testSize];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    trainX[t] = x[i];
                    trainY[t++] = y[i];
                }
            }
            // Each fold's fit has its own seed, so a fold's model does not depend on the folds before it.
            Model model = builder.fit(trainX, trainY, Seeds.derive(seed, f));
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    predicted[i] = model.predict(x[i]);
                }
            }
        }
        return new CvResult(predicted, Metrics.q2(y, predicted), Metrics.rmse(y, predicted), k);
    }

    /** A data-set problem, not a grid point's: callers check it before trying points. */
    static void checkFolds(int compounds, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (compounds < k) {
            throw new IllegalArgumentException("cannot cross-validate " + compounds + " compounds in " + k
                    + " folds: need at least one compound per fold");
        }
    }
}
