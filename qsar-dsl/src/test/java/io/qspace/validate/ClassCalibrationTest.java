package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue 12, point 5: calibrated probabilities and Mondrian prediction sets from out-of-fold probabilities. */
class ClassCalibrationTest {
    private static final List<String> CLASSES = List.of("inactive", "active");

    @Test
    void mondrianPValuesCountTheOwnClassesCalibrationScores() {
        // actives' nonconformity 1 - p: 0.1, 0.2, 0.4, 0.7; inactives' p: 0.1, 0.3, 0.6
        double[] observed = {1, 1, 1, 1, 0, 0, 0};
        double[] p = {0.9, 0.8, 0.6, 0.3, 0.1, 0.3, 0.6};
        ClassCalibration c = ClassCalibration.fit(CLASSES, observed, p);
        // new p = 0.65: as active its nonconformity is 0.35, beaten or equalled by 0.4 and 0.7: (2 + 1) / 5
        assertEquals(3.0 / 5, c.pValue(0.65, 1), 1e-15);
        // as inactive its nonconformity is 0.65, higher than all three: (0 + 1) / 4
        assertEquals(1.0 / 4, c.pValue(0.65, 0), 1e-15);
        assertEquals(List.of("active"), c.set(0.65, 0.7), "at 70%: p-values above 0.3 only");
        assertEquals(List.of("inactive", "active"), c.set(0.65, 0.8), "at 80%: both above 0.2");
        // ties count as at least as strange: p = 0.6 as active has nonconformity 0.4, equal to one score
        assertEquals(3.0 / 5, c.pValue(0.6, 1), 1e-15);
        assertTrue(c.set(0.5, 0.5).isEmpty() || c.set(0.5, 0.5).size() <= 2);
        assertEquals(4, c.sizes()[1]);
        assertThrows(IllegalArgumentException.class, () -> c.set(0.5, 1.0));
    }

    @Test
    void eachClassIsCoveredAtTheConfidenceOnItsOwn() {
        // exchangeable calibration and test draws; actives rare (15%) and the classes overlapping
        SplittableRandom random = new SplittableRandom(4);
        int n = 4000;
        double[] observed = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            observed[i] = random.nextDouble() < 0.15 ? 1 : 0;
            p[i] = Math.min(1, Math.max(0, (observed[i] == 1 ? 0.55 : 0.3) + random.nextGaussian() * 0.2));
        }
        ClassCalibration c = ClassCalibration.fit(CLASSES, java.util.Arrays.copyOf(observed, n / 2),
                java.util.Arrays.copyOf(p, n / 2));
        for (double confidence : new double[] {0.8, 0.9}) {
            int[] covered = new int[2];
            int[] total = new int[2];
            for (int i = n / 2; i < n; i++) {
                int k = (int) observed[i];
                total[k]++;
                if (c.set(p[i], confidence).contains(CLASSES.get(k))) covered[k]++;
            }
            for (int k = 0; k < 2; k++) {
                double coverage = (double) covered[k] / total[k];
                assertEquals(confidence, coverage, 0.04, CLASSES.get(k) + " at " + confidence);
            }
        }
    }

    /**
     * Isotonic calibration against scikit-learn 1.9.1's IsotonicRegression(out_of_bounds="clip") fitted on these
     * scores and classes, predicting the probes below.
     */
    @Test
    void isotonicAgreesWithScikitLearn() {
        double[] s = {0.1, 0.3, 0.2, 0.4, 0.4, 0.5, 0.7, 0.6, 0.8, 0.9, 0.35, 0.65};
        double[] y = {0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1};
        double[] probes = {0.0, 0.15, 0.3, 0.4, 0.45, 0.62, 0.75, 0.85, 1.0};
        double[] expected = {0.0, 0.1666666666666666, 0.3333333333333333, 0.3333333333333333, 0.3333333333333333,
                0.75, 0.75, 0.8749999999999999, 1.0};
        Isotonic iso = Isotonic.fit(s, y);
        for (int i = 0; i < probes.length; i++) {
            assertEquals(expected[i], iso.probability(probes[i]), 1e-12, "at " + probes[i]);
        }
        ClassCalibration c = ClassCalibration.fit(CLASSES, y, s);
        assertEquals(expected[5], c.probability(0.62, ClassCalibration.Method.ISOTONIC), 1e-12);
        assertTrue(c.probability(0.9) > c.probability(0.1), "Platt keeps the order");
    }

    @Test
    void onlyBinaryClassesAreCalibrated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassCalibration.fit(List.of("a", "b", "c"), new double[] {0}, new double[] {0.5}));
        assertTrue(e.getMessage().contains("[a, b, c]"), e.getMessage());
    }
}
