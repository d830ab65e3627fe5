package io.qspace.split;



/**
 * Seeded assignment of rows to folds: a shuffled order dealt round-robin, so fold sizes differ by at most one.
 * Stratified (classification): the shuffled order is grouped by class before dealing, so every class is spread over
 * the folds as evenly as plain folds spread the rows.
 */
public final class Folds {
    private Folds() {}

    public static int[] assign(int n, int k, long seed) {
        int[] order = Shuffle.permutation(n, seed);
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % k;
        }
        return fold;
    }

    public static int[] stratified(double[] classes, int k, long seed) {
        int n = classes.length;
        int[] order = Shuffle.permutation(n, seed);
        // A stable sort by class keeps the shuffled order within each class.
        Integer[] byClass = new Integer[n];
        for (int i = 0; i < n; i++) byClass[i] = order[i];
        java.util.Arrays.sort(byClass, java.util.Comparator.comparingDouble(i -> classes[i]));
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[byClass[position]] = position % k;
        }
        return fold;
    }
}
