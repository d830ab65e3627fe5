package io.qspace.split;

import io.qspace.data.Dataset;

/** A seeded random sample as the test part. */
record RandomSplit(double testFraction) implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
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
