package io.qspace.validate;

import io.qspace.model.Model;
import io.qspace.model.ModelBuilder;
import io.qspace.model.Seeds;
import java.util.Arrays;

/** k-fold cross-validation of one builder point: every compound is predicted once by a model that never saw it. */
public final class CrossValidation {
    private CrossValidation() {}

    /** Plain k-fold on one matrix. */
    public static CvResult run(ModelBuilder builder, double[][] x, double[] y, int k, long seed) {
        return run(builder, FoldInputs.same(x), y, Validation.kFold(k), seed);
    }

    /**
     * k-fold, repeated as the validation says, each fold fitted on its own inputs. Folds of repeat r are dealt by
     * {@link Validation#foldsOf}, so every model cross-validated with the same seed is scored on the same folds.
     * A fold whose inputs have no columns (its selection found nothing) predicts its training mean.
     */
    public static CvResult run(ModelBuilder builder, FoldInputs inputs, double[] y, Validation validation, long seed) {
        int n = y.length;
        int k = validation.folds();
        int repeats = validation.repeats();
        checkFolds(n, k);
        double[][] predictions = new double[repeats][n];
        int[][] folds = new int[repeats][];
        double[][] foldRmse = new double[repeats][k];
        for (int r = 0; r < repeats; r++) {
            int[] fold = validation.foldsOf(y, seed, r);
            folds[r] = fold;
            long repeatSeed = validation.repeatSeed(seed, r);
            for (int f = 0; f < k; f++) {
                double[][] x = inputs.x(r, f);
                if (x.length != n) {
                    throw new IllegalArgumentException("fold " + (f + 1) + " of repeat " + (r + 1) + " has "
                            + x.length + " rows for " + n + " activities");
                }
                // Each fold's fit has its own seed, so a fold's model does not depend on the folds before it.
                Model model = fit(builder, x, y, fold, f, Seeds.derive(repeatSeed, f));
                double squares = 0;
                int held = 0;
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        predictions[r][i] = model.predict(x[i]);
                        squares += (predictions[r][i] - y[i]) * (predictions[r][i] - y[i]);
                        held++;
                    }
                }
                foldRmse[r][f] = Math.sqrt(squares / held);
            }
        }
        double[] observed = new double[repeats * n];
        for (int r = 0; r < repeats; r++) {
            System.arraycopy(y, 0, observed, r * n, n);
        }
        double[] predicted = Arrays.stream(predictions).flatMapToDouble(Arrays::stream).toArray();
        return new CvResult(predictions, folds, foldRmse, Metrics.q2(observed, predicted),
                Metrics.rmse(observed, predicted), repeats * k,
                validation.classifies() ? ClassScores.of(observed, predicted) : null);
    }

    private static Model fit(ModelBuilder builder, double[][] x, double[] y, int[] fold, int f, long seed) {
        int n = y.length;
        int held = 0;
        for (int i = 0; i < n; i++) {
            if (fold[i] == f) held++;
        }
        double[][] trainX = new double[n - held][];
        double[] trainY = new double[n - held];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (fold[i] != f) {
                trainX[t] = x[i];
                trainY[t++] = y[i];
            }
        }
        if (x.length > 0 && x[0].length == 0) {
            double mean = Arrays.stream(trainY).average().orElse(0);
            return row -> mean;
        }
        return builder.fit(trainX, trainY, seed);
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
