package io.qspace.validate;

import io.qspace.model.ModelBuilder;
import io.qspace.model.Seeds;

/**
 * Y-randomisation (response permutation): cross-validated Q2 of models fitted to shuffled activities. A model that
 * found a real structure-activity relation scores far better on the true activities than on any shuffle.
 */
public final class YRandomisation {
    private YRandomisation() {}

    /** The Q2 of each of n shuffles; shuffle i uses a seed derived from (seed, i), its CV too. */
    public static double[] run(ModelBuilder point, double[][] x, double[] y, int k, int n, long seed) {
        return run(point, x, y, Validation.kFold(k), Metric.Q2, n, seed);
    }

    /**
     * The metric (e.g. ROC-AUC) of each of n shuffles, cross-validated as the validation says (stratified folds for a
     * classification: a shuffle keeps the class counts). Shuffle i uses a seed derived from (seed, i), its CV too.
     */
    public static double[] run(ModelBuilder point, double[][] x, double[] y, Validation validation, Metric metric,
                               int n, long seed) {
        return java.util.Arrays.stream(results(point, x, y, validation, n, seed)).mapToDouble(metric::of).toArray();
    }

    /** The cross-validation of each of n shuffles, for reading several metrics off one set of fits. */
    public static CvResult[] results(ModelBuilder point, double[][] x, double[] y, Validation validation, int n,
                                     long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("number of shuffles cannot be negative, got " + n);
        }
        CvResult[] q2 = new CvResult[n];
        for (int s = 0; s < n; s++) {
            long shuffleSeed = Seeds.derive(seed, s);
            int[] order = io.qspace.split.Shuffle.permutation(y.length, shuffleSeed);
            double[] shuffled = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                shuffled[i] = y[order[i]];
            }
            Validation plain = new Validation(validation.folds(), 1, validation.selection(), 0, validation.kind(), null);
            q2[s] = CrossValidation.run(point, FoldInputs.same(x), shuffled, plain, Seeds.derive(shuffleSeed, 1));
        }
        return q2;
    }
}
