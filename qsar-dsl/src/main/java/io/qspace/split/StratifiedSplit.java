package io.qspace.split;

import io.qspace.data.Dataset;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Activity-stratified: sorted by activity, the compounds are cut into as many consecutive bins as there are test
 * compounds, and one seeded draw per bin goes to test. So the test part spans the whole activity range and has
 * exactly the target size. A dataset of one class against the rest is sorted by its compounds' classes in the file
 * ({@link Dataset#stratum}), so each class keeps its share in both parts.
 */
record StratifiedSplit(double testFraction) implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
        int n = dataset.size();
        // Ties broken by position, so the order (and the mask) never depends on the sort implementation.
        int[] byActivity = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(dataset::stratum)
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        int bins = SplitSizes.testCount(n, testFraction);
        boolean[] test = new boolean[n];
        Random random = new Random(seed);
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins);
            int to = (int) ((long) (b + 1) * n / bins);
            test[byActivity[from + random.nextInt(to - from)]] = true;
        }
        return test;
    }

    @Override
    public String describe() {
        return "stratified(" + SplitSizes.fraction(testFraction) + ")";
    }
}
