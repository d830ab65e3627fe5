package io.qspace.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ForestImportanceTest {

    @Test
    void findsPlantedNonlinearSignalThatCorrelationMisses() {
        int rows = 400;
        int columns = 20;
        double[][] x = TestData.uniform(rows, columns, 51);
        double[] y = new double[rows];
        Random noise = new Random(52);
        for (int i = 0; i < rows; i++) {
            // Symmetric in both descriptors, so their Pearson r with y is about zero.
            y[i] = 3 * x[i][4] * x[i][4] + 2 * Math.abs(x[i][13]) + 0.1 * noise.nextGaussian();
        }
        FeatureSet forest = Selectors.forestImportance(2).select(x, y, TestData.all(columns),
                TestData.descriptorsOnly(columns), 9);
        assertEquals("forest2", forest.name());
        assertArrayEquals(new int[] {4, 13}, forest.columns());
    }

    @Test
    void sameSeedSameSetAlsoUnderConcurrentCalls() throws Exception {
        // Pure noise: which five columns win depends on the forest's randomness alone, so any leak shows.
        int columns = 30;
        double[][] x = TestData.gaussian(150, columns, 61);
        double[] y = column(TestData.gaussian(150, 1, 62));
        Selector forest = Selectors.forestImportance(5);
        SelectionContext context = TestData.descriptorsOnly(columns);
        int[] candidates = TestData.all(columns);
        int[] expected = forest.select(x, y, candidates, context, 77).columns();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> runs = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                long seed = run % 2 == 0 ? 77 : 78;
                runs.add(pool.submit(() -> forest.select(x, y, candidates, context, seed).columns()));
            }
            for (int run = 0; run < runs.size(); run += 2) assertArrayEquals(expected, runs.get(run).get());
            int[] otherSeed = runs.get(1).get();
            for (int run = 3; run < runs.size(); run += 2) assertArrayEquals(otherSeed, runs.get(run).get());
        } finally {
            pool.shutdownNow();
        }
        boolean seedMatters = false;
        for (long seed = 1; seed <= 5 && !seedMatters; seed++) {
            seedMatters = !java.util.Arrays.equals(expected, forest.select(x, y, candidates, context, seed).columns());
        }
        assertTrue(seedMatters, "on pure noise, some other seed should pick a different set");
    }

    private static double[] column(double[][] x) {
        return Pearson.column(x, 0);
    }

    @Test
    void fewerDescriptorsThanKGivesThemAll() {
        double[][] x = TestData.gaussian(30, 4, 1);
        FeatureSet forest = Selectors.forestImportance(30).select(x, new double[30], TestData.all(4),
                TestData.descriptorsOnly(4), 1);
        assertArrayEquals(new int[] {0, 1, 2, 3}, forest.columns());
    }
}
