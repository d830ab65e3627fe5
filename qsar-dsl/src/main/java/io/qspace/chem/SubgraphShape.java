package io.qspace.chem;

import java.util.Arrays;

/**
 * A shape code for small connected graphs (up to ~10 atoms, at most one ring): equal codes mean isomorphic graphs.
 * Colour refinement (1-dimensional Weisfeiler-Lehman) identifies trees and single-ring graphs, which are the only
 * shapes the chi subgraph classes ask about; the 64-bit hash of the final colours is the code.
 */
final class SubgraphShape {
    private SubgraphShape() {}

    /**
     * @param atoms number of atoms, numbered 0..atoms-1
     * @param from  bond begin atoms
     * @param to    bond end atoms
     * @param bonds number of bonds used from {@code from}/{@code to}
     */
    static long code(int atoms, int[] from, int[] to, int bonds) {
        int[] degree = new int[atoms];
        for (int b = 0; b < bonds; b++) { degree[from[b]]++; degree[to[b]]++; }
        long[] colour = new long[atoms];
        for (int a = 0; a < atoms; a++) colour[a] = degree[a];
        long[] next = new long[atoms];
        long[][] neighbourColours = new long[atoms][];
        for (int a = 0; a < atoms; a++) neighbourColours[a] = new long[degree[a]];
        int[] fill = new int[atoms];
        for (int round = 0; round < atoms; round++) {
            Arrays.fill(fill, 0);
            for (int b = 0; b < bonds; b++) {
                neighbourColours[from[b]][fill[from[b]]++] = colour[to[b]];
                neighbourColours[to[b]][fill[to[b]]++] = colour[from[b]];
            }
            for (int a = 0; a < atoms; a++) {
                long[] nc = neighbourColours[a];
                Arrays.sort(nc);
                long h = mix(colour[a] + 0x9E3779B97F4A7C15L);
                for (long c : nc) h = mix(h ^ c);
                next[a] = h;
            }
            long[] t = colour; colour = next; next = t;
        }
        Arrays.sort(colour);
        long h = mix(atoms * 31L + bonds);
        for (long c : colour) h = mix(h ^ c);
        return h;
    }

    /** SplitMix64 finaliser: cheap and well spread. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
