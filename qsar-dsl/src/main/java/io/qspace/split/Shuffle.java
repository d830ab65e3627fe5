package io.qspace.split;

import java.util.SplittableRandom;

/**
 * The one seeded shuffle of the project (splits, cross-validation folds, y-randomisation): SplittableRandom's
 * algorithm is specified, so a seed gives the same order on every JVM and every member.
 */
public final class Shuffle {
    private Shuffle() {}

    /** A permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
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
