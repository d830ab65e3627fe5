package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformal intervals from out-of-fold residuals: the rank rule, coverage on exchangeable data, widening. */
class ConformalTest {

    @Test
    void theQuantileIsTheCeilNPlusOneTimesCthSmallestScore() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(8, Conformal.quantile(sorted, 0.8)); // ceil(10 * 0.8) = 8th
        assertEquals(9, Conformal.quantile(sorted, 0.9)); // ceil(10 * 0.9) = 9th
        assertEquals(Double.POSITIVE_INFINITY, Conformal.quantile(sorted, 0.95), "too few residuals: unbounded");
    }

    /** Heteroscedastic noise that grows with the difficulty: both modes cover at the nominal rate on new data. */
    @Test
    void bothModesCoverNewDataAtTheNominalRateAndTheNormalisedOneWidensWithDifficulty() {
        Random random = new Random(7);
        int n = 2000;
        double[] observed = new double[n];
        double[] predicted = new double[n];
        double[] difficulty = new double[n];
        for (int i = 0; i < n; i++) {
            difficulty[i] = 0.5 + 3 * random.nextDouble();
            predicted[i] = random.nextGaussian();
            observed[i] = predicted[i] + difficulty[i] * random.nextGaussian();
        }
        Conformal conformal = Conformal.fit(observed, predicted, difficulty);
        for (Conformal.Mode mode : Conformal.Mode.values()) {
            for (double c : new double[] {0.8, 0.9}) {
                int covered = 0;
                int m = 20000;
                for (int i = 0; i < m; i++) {
                    double d = 0.5 + 3 * random.nextDouble();
                    double p = random.nextGaussian();
                    double y = p + d * random.nextGaussian();
                    covered += conformal.interval(p, d, c, mode).contains(y) ? 1 : 0;
                }
                double coverage = covered / (double) m;
                assertEquals(c, coverage, 0.025, mode + " at " + c);
            }
        }
        Interval easy = conformal.interval(0, 0.5, 0.9);
        Interval hard = conformal.interval(0, 3.5, 0.9);
        assertTrue(hard.width() > 2 * easy.width(), easy + " vs " + hard);
        assertEquals(conformal.interval(0, 0.5, 0.9, Conformal.Mode.ABSOLUTE).width(),
                conformal.interval(0, 3.5, 0.9, Conformal.Mode.ABSOLUTE).width(), 1e-12);
        Interval centred = conformal.interval(6.5, 1, 0.8);
        assertEquals(6.5, (centred.lower() + centred.upper()) / 2, 1e-12);
    }

    @Test
    void aConfidenceOutsideZeroAndOneIsRefusedWithAnExample() {
        Conformal conformal = Conformal.fit(new double[] {1, 2}, new double[] {1.5, 2.5}, new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conformal.interval(0, 1, 90));
        assertTrue(e.getMessage().contains("e.g. 0.9"), e.getMessage());
    }
}
