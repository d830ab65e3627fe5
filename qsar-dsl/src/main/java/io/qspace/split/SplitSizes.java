package io.qspace.split;

import java.util.Random;

/** The arithmetic shared by the seeded splits: how many test compounds, and a shuffle that is the same on every JVM. */
final class SplitSizes {
    private SplitSizes() {}

    static double checkFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1 (exclusive), not " + testFraction);
        }
        return testFraction;
    }

    /** round(n * fraction), kept within 1..n-1 so neither part is empty when n >= 2. */
    static int testCount(int n, double fraction) {
        int count = (int) Math.round(n * fraction);
        return n < 2 ? 0 : Math.max(1, Math.min(n - 1, count));
    }

    /** java.util.Random's algorithm is specified, so a seed gives the same order everywhere. */
    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static String fraction(double f) {
        return Double.toString(f);
    }
}
