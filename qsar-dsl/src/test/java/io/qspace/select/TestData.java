package io.qspace.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small crafted matrices for the selection tests. */
final class TestData {
    private TestData() {}

    static double[][] gaussian(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][columns];
        for (double[] row : x) for (int j = 0; j < columns; j++) row[j] = random.nextGaussian();
        return x;
    }

    static double[][] uniform(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][columns];
        for (double[] row : x) for (int j = 0; j < columns; j++) row[j] = 2 * random.nextDouble() - 1;
        return x;
    }

    static List<String> names(int columns) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < columns; j++) names.add("d" + j);
        return names;
    }

    /** All columns are descriptors. */
    static SelectionContext descriptorsOnly(int columns) {
        return new SelectionContext(names(columns), Map.of("descriptors", new int[] {0, columns}));
    }

    static int[] all(int columns) {
        int[] candidates = new int[columns];
        for (int j = 0; j < columns; j++) candidates[j] = j;
        return candidates;
    }
}
