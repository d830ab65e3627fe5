package io.qspace.validate;

import smile.stat.distribution.TDistribution;

/**
 * The corrected resampled t-test of Nadeau and Bengio (Machine Learning 52, 2003) for two models cross-validated on
 * the same folds. Fold scores are not independent (training sets overlap), so the plain paired t-test is far too
 * eager; the correction inflates the variance of the mean difference from 1/J to 1/J + n_test/n_train, which for
 * k-fold CV is 1/J + 1/(k - 1), J = repeats x folds.
 */
public final class CorrectedTTest {
    private CorrectedTTest() {}

    /**
     * Two-sided p-value that models a and b have the same expected fold RMSE.
     *
     * @param a     [repeat][fold] RMSEs of one model
     * @param b     the same folds' RMSEs of the other
     * @return the p-value, 1 when every fold gives the same difference of zero, NaN when there is nothing to compare
     */
    public static double pValue(double[][] a, double[][] b) {
        if (a.length == 0 || a.length != b.length) {
            return Double.NaN;
        }
        int folds = a[0].length;
        int j = 0;
        double[] d = new double[a.length * folds];
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != folds || b[r].length != folds) {
                return Double.NaN;
            }
            for (int f = 0; f < folds; f++) {
                d[j++] = a[r][f] - b[r][f];
            }
        }
        if (j < 2 || folds < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : d) mean += v;
        mean /= j;
        double variance = 0;
        for (double v : d) variance += (v - mean) * (v - mean);
        variance /= j - 1;
        double scale = variance * (1.0 / j + 1.0 / (folds - 1));
        if (scale == 0) {
            return mean == 0 ? 1.0 : 0.0;
        }
        double t = Math.abs(mean) / Math.sqrt(scale);
        return 2 * (1 - new TDistribution(j - 1).cdf(t));
    }
}
