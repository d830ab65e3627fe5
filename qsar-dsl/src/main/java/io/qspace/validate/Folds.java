package io.qspace.validate;

import java.util.SplittableRandom;

/** Seeded assignment of rows to folds: a shuffled order dealt round-robin, so fold sizes differ by at most one. */
final class Folds {
    private Folds() {}

    static int[] assign(int n, int k, long seed) {
        int[] order = permutation(n, seed);
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % k;
        }
        return fold;
    }

    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
