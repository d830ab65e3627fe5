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
        if (n < 0) {
            throw new IllegalArgumentException("number of shuffles cannot be negative, got " + n);
        }
        double[] q2 = new double[n];
        for (int s = 0; s < n; s++) {
            long shuffleSeed = Seeds.derive(seed, s);
            int[] order = io.qspace.split.Shuffle.permutation(y.length, shuffleSeed);
            double[] shuffled = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                shuffled[i] = y[order[i]];
            }
            q2[s] = CrossValidation.run(point, x, shuffled, k, Seeds.derive(shuffleSeed, 1)).q2();
        }
        return q2;
    }
}
