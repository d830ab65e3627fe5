package io.qspace.model;

import java.util.stream.LongStream;

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

    /**
     * A seed Smile accepts: Smile's RandomForest re-seeds a tree only when its seed is greater than 1 and otherwise
     * keeps the worker thread's current state, so every seed we hand to Smile is forced above 1.
     */
    static long forSmile(long seed) {
        return (seed >>> 2) + 2;
    }

    /** n seeds for Smile, one per tree. */
    static LongStream forSmile(long seed, int n) {
        return LongStream.range(0, n).map(i -> forSmile(derive(seed, i)));
    }

    /**
     * Seeds smile.math.MathEx's generator, which in Smile 3.1.1 is a ThreadLocal: the fit must then draw all its
     * randomness on this same thread (MLP and gradient boosting do; random forest re-seeds each tree itself).
     */
    static void seedSmile(long seed) {
        smile.math.MathEx.setSeed(forSmile(seed));
    }
}
