package io.qspace.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StandardFiltersTest {
    private static final int ROWS = 100;

    /**
     * Columns: 0 good; 1 constant; 2 equal on 96 rows; 3 = 0 with noise (|r| about 0.97); 4 missing on 15 rows;
     * 5 good; 6 missing on exactly 10 rows; 7..10 ecfp4 bits set in 2, 3, all and 50 rows; 11 constant and
     * 12 good, both in no block.
     */
    private static double[][] crafted() {
        Random random = new Random(7);
        double[][] x = new double[ROWS][13];
        for (int i = 0; i < ROWS; i++) {
            double[] row = x[i];
            row[0] = random.nextGaussian();
            row[1] = 4.2;
            row[2] = i < 96 ? 1.0 : 2.0 + i;
            row[3] = 2 * row[0] + 0.5 * random.nextGaussian();
            row[4] = i % 100 < 15 ? Double.NaN : random.nextGaussian();
            row[5] = random.nextGaussian();
            row[6] = i >= 90 ? Double.NaN : random.nextGaussian();
            row[7] = i < 2 ? 1 : 0;
            row[8] = i < 3 ? 2 : 0;
            row[9] = 1 + i % 3;
            row[10] = i % 2;
            row[11] = -1;
            row[12] = random.nextGaussian();
        }
        return x;
    }

    private static SelectionContext craftedContext() {
        return new SelectionContext(TestData.names(13),
                Map.of("descriptors", new int[] {0, 7}, "ecfp4", new int[] {7, 11}));
    }

    @Test
    void standardFiltersDropEachKindOfUselessColumn() {
        int[] kept = Filters.standard().keep(crafted(), craftedContext());
        assertArrayEquals(new int[] {0, 5, 6, 8, 10, 12}, kept);
    }

    @Test
    void thresholdsCanBeLoosened() {
        int[] kept = Filters.standard().maxMissing(0.2).nearConstant(0.97).maxCorrelation(0.99).minBitCount(2)
                .keep(crafted(), craftedContext());
        assertArrayEquals(new int[] {0, 2, 3, 4, 5, 6, 7, 8, 10, 12}, kept);
    }

    @Test
    void correlationScanComparesWithKeptColumnsOnly() {
        // A ~ B (r about 0.97) and B ~ C (about 0.98), but A and C only about 0.89: B goes, A and C stay.
        Random random = new Random(3);
        double[][] x = new double[500][3];
        for (double[] row : x) {
            double u = random.nextGaussian();
            double v = random.nextGaussian();
            row[0] = u;
            row[1] = u + 0.25 * v;
            row[2] = u + 0.5 * v;
        }
        assertArrayEquals(new int[] {0, 2}, Filters.standard().keep(x, TestData.descriptorsOnly(3)));
    }

    @Test
    void negativeCorrelationCountsAsRedundantToo() {
        Random random = new Random(5);
        double[][] x = new double[200][2];
        for (double[] row : x) {
            row[0] = random.nextGaussian();
            row[1] = -3 * row[0] + 0.01 * random.nextGaussian();
        }
        assertArrayEquals(new int[] {0}, Filters.standard().keep(x, TestData.descriptorsOnly(2)));
    }

    @Test
    void describeNamesEveryThresholdAndChangesWithThem() {
        String standard = Filters.standard().describe();
        for (String part : new String[] {"maxMissing=0.1", "nearConstant=0.95", "maxCorrelation=0.95", "minBitCount=3"}) {
            assertTrue(standard.contains(part), standard + " lacks " + part);
        }
        assertNotEquals(standard, Filters.standard().maxCorrelation(0.9).describe());
        assertNotEquals(standard, Filters.standard().minBitCount(5).describe());
    }

    @Test
    void rejectsNonsenseThresholds() {
        assertThrows(IllegalArgumentException.class, () -> Filters.standard().maxMissing(1.5));
        assertThrows(IllegalArgumentException.class, () -> Filters.standard().minBitCount(0));
    }
}
