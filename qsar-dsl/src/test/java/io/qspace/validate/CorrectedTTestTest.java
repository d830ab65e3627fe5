package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import smile.stat.distribution.TDistribution;

class CorrectedTTestTest {
    private static final double[][] BEST = {{0.50, 0.62, 0.48, 0.55, 0.60}, {0.52, 0.58, 0.49, 0.57, 0.61}};
    private static final double[][] NEAR = {{0.52, 0.61, 0.50, 0.56, 0.63}, {0.51, 0.60, 0.52, 0.58, 0.62}};

    @Test
    void sameFoldScoresAreNoEvidence() {
        assertEquals(1.0, CorrectedTTest.pValue(BEST, BEST));
    }

    @Test
    void symmetricAndMoreCautiousThanThePlainPairedTest() {
        double p = CorrectedTTest.pValue(BEST, NEAR);
        assertEquals(p, CorrectedTTest.pValue(NEAR, BEST), 1e-15);
        // the plain paired t-test over the same 10 differences ignores that fold training sets overlap
        double[] d = new double[10];
        for (int r = 0, j = 0; r < 2; r++) for (int f = 0; f < 5; f++) d[j++] = BEST[r][f] - NEAR[r][f];
        double mean = java.util.Arrays.stream(d).average().orElseThrow();
        double var = java.util.Arrays.stream(d).map(v -> (v - mean) * (v - mean)).sum() / 9;
        double plain = 2 * (1 - new TDistribution(9).cdf(Math.abs(mean) / Math.sqrt(var / 10)));
        assertTrue(plain < 0.05, "the plain test calls it: " + plain);
        assertTrue(p > plain && p < 1, "corrected " + p + " vs plain " + plain);
    }

    @Test
    void aClearMarginIsSignificant() {
        double[][] worse = new double[2][5];
        for (int r = 0; r < 2; r++) for (int f = 0; f < 5; f++) worse[r][f] = BEST[r][f] + 0.3 + 0.01 * f;
        assertTrue(CorrectedTTest.pValue(BEST, worse) < 0.01);
    }

    @Test
    void nothingToCompareIsNaN() {
        assertTrue(Double.isNaN(CorrectedTTest.pValue(new double[0][], new double[0][])));
        assertTrue(Double.isNaN(CorrectedTTest.pValue(BEST, new double[][] {{0.1, 0.2, 0.3, 0.4, 0.5}})));
    }
}
