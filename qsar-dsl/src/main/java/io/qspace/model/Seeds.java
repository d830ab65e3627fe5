package io.qspace.model;

/**
 * Seed arithmetic. Every random draw in a fit comes from the fit's own seed, so results do not depend on thread,
 * order or what ran before.
 */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed child seed for a numbered sub-task (a CV fold, a tree, a shuffle), by SplitMix64. */
    public static long derive(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** derive(seed, 0 .. count-1): one seed per sub-task, e.g. per tree of a forest. */
    public static long[] each(long seed, int count) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = derive(seed, i);
        }
        return seeds;
    }
}
