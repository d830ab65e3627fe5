package io.qspace.validate;

import io.qspace.split.Shuffle;


/** Seeded assignment of rows to folds: a shuffled order dealt round-robin, so fold sizes differ by at most one. */
final class Folds {
    private Folds() {}

    static int[] assign(int n, int k, long seed) {
        int[] order = Shuffle.permutation(n, seed);
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % k;
        }
        return fold;
    }
}
