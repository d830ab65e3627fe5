package io.qspace.model.trees;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinnedDataTest {
    @Test
    void fewDistinctValuesGetExactBinsSplitAtMidpoints() {
        double[][] x = {{0}, {3}, {1}, {0}, {3}, {0}};
        BinnedData data = BinnedData.of(x);
        assertArrayEquals(new double[] {0.5, 2.0}, data.edges[0]);
        assertEquals(0, data.defaultBin[0], "zero is the most frequent value");
        int[] codes = new int[x.length];
        for (int r = 0; r < x.length; r++) codes[r] = data.code(0, r);
        assertArrayEquals(new int[] {0, 2, 1, 0, 2, 0}, codes);
        // Only the three nonzero entries are listed by row.
        assertEquals(3, data.entryFeature.length);
    }

    @Test
    void manyDistinctValuesGetAtMost256RoughlyEqualQuantileBins() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[5000][1];
        for (double[] row : x) row[0] = random.nextGaussian();
        BinnedData data = BinnedData.of(x);
        assertTrue(data.bins(0) <= 256 && data.bins(0) > 200, "bins " + data.bins(0));
        int[] counts = new int[data.bins(0)];
        for (int r = 0; r < x.length; r++) {
            int b = data.code(0, r);
            counts[b]++;
            // A row's bin agrees with the edges a fitted tree will compare raw values against.
            assertTrue(b == 0 || x[r][0] > data.edges[0][b - 1]);
            assertTrue(b == data.bins(0) - 1 || x[r][0] <= data.edges[0][b]);
        }
        for (int c : counts) assertTrue(c > 5 && c < 60, "bin count " + c);
    }

    @Test
    void anAllZeroColumnHasOneBinAndNoEntries() {
        double[][] x = {{0, 1}, {0, 0}, {0, 2}};
        BinnedData data = BinnedData.of(x);
        assertEquals(1, data.bins(0));
        for (int f : data.entryFeature) assertEquals(1, f);
    }
}
