package io.qspace.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianImputerTest {
    private static final double NaN = Double.NaN;

    @Test
    void fillsGapsWithTrainingMediansAndLeavesTheInputAlone() {
        double[][] train = {
                {1, 10, NaN},
                {NaN, 20, NaN},
                {3, 40, NaN},
                {8, Double.POSITIVE_INFINITY, NaN},
        };
        MedianImputer imputer = MedianImputer.fit(train);
        // column 0: median of 1, 3, 8; column 1: median of 10, 20, 40 (infinity counts as missing); column 2: nothing.
        assertArrayEquals(new double[] {3, 20, 0}, imputer.medians());

        double[][] filled = imputer.apply(train);
        assertArrayEquals(new double[] {3, 20, 0}, filled[1]);
        assertArrayEquals(new double[] {8, 20, 0}, filled[3]);
        assertTrue(Double.isNaN(train[1][0]), "the input must not be modified");
    }

    @Test
    void evenCountsAverageTheMiddlePairAndNewRowsUseTrainingValues() {
        MedianImputer imputer = MedianImputer.fit(new double[][] {{1}, {2}, {4}, {100}});
        assertEquals(3.0, imputer.medians()[0]);
        assertArrayEquals(new double[] {3.0}, imputer.apply(new double[] {NaN}));
        assertArrayEquals(new double[] {-7.0}, imputer.apply(new double[] {-7.0}));
    }
}
