package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.Synthetic;
import org.junit.jupiter.api.Test;

class YRandomisationAndDomainTest {
    @Test
    void shuffledActivitiesScoreFarBelowTheTrueQ2() {
        double[][] x = Synthetic.uniform(80, 3, 61);
        double[] y = Synthetic.linear(x, 0.5, 62);
        double trueQ2 = CrossValidation.run(Builders.mlr(), x, y, 5, 1).q2();
        double[] shuffled = YRandomisation.run(Builders.mlr(), x, y, 5, 10, 1);
        assertEquals(10, shuffled.length);
        for (double q2 : shuffled) {
            assertTrue(q2 < trueQ2 - 0.5, "shuffled q2 " + q2 + " vs true " + trueQ2);
        }
        assertArrayEquals(shuffled, YRandomisation.run(Builders.mlr(), x, y, 5, 10, 1));
    }

    @Test
    void trainingLikeRowsAreInsideAndFarRowsOutside() {
        double[][] train = Synthetic.uniform(200, 4, 71);
        ApplicabilityDomain domain = ApplicabilityDomain.fit(train);
        assertTrue(domain.threshold() > 0);
        int inside = 0;
        for (double[] row : Synthetic.uniform(100, 4, 72)) {
            inside += domain.inside(row) ? 1 : 0;
        }
        assertTrue(inside >= 85, inside + " of 100 training-like rows inside");
        assertFalse(domain.inside(new double[] {10, -10, 10, 10}));
        assertFalse(domain.inside(new double[] {0, 0, 0, 8}));
        ApplicabilityDomain copy = Synthetic.roundTrip(domain);
        assertEquals(domain.score(new double[] {1, 1, 1, 1}), copy.score(new double[] {1, 1, 1, 1}));
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        assertEquals(9.55, ApplicabilityDomain.percentile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 95), 1e-12);
    }
}
