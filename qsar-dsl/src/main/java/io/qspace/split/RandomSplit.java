package io.qspace.split;

import io.qspace.data.Dataset;

/**
 * A seeded random sample as the test part; for a classification, stratified by class ({@link StratifiedSplit} on
 * the class codes), so both parts keep the dataset's class balance.
 */
record RandomSplit(double testFraction) implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
        if (dataset.isClassification()) {
            return new StratifiedSplit(testFraction).testMask(dataset, seed);
        }
        int n = dataset.size();
        int[] order = Shuffle.permutation(n, seed);
        boolean[] test = new boolean[n];
        for (int k = 0, count = SplitSizes.testCount(n, testFraction); k < count; k++) {
            test[order[k]] = true;
        }
        return test;
    }

    @Override
    public String describe() {
        return "random(" + SplitSizes.fraction(testFraction) + ")";
    }
}
