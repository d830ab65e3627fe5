package io.qspace.split;

/** The arithmetic shared by the seeded splits: how many test compounds, (the shuffle is Shuffle's). */
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

    static String fraction(double f) {
        return Double.toString(f);
    }
}
