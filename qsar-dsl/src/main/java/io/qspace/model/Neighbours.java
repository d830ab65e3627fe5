package io.qspace.model;

import java.util.Arrays;

/** Brute-force k nearest rows by Euclidean distance; ties broken by row order so results are reproducible. */
final class Neighbours {
    private Neighbours() {}

    /** Indices of the k rows nearest to query (skipping row `skip`, or -1), nearest first, and their distances. */
    static int[] nearest(double[][] rows, double[] query, int k, int skip, double[] distancesOut) {
        int[] index = new int[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(index, -1);
        for (int i = 0; i < rows.length; i++) {
            if (i == skip) {
                continue;
            }
            double d = squaredDistance(rows[i], query, best[k - 1]);
            if (d < best[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && best[pos - 1] > d) {
                    best[pos] = best[pos - 1];
                    index[pos] = index[pos - 1];
                    pos--;
                }
                best[pos] = d;
                index[pos] = i;
            }
        }
        for (int j = 0; j < k; j++) {
            distancesOut[j] = Math.sqrt(best[j]);
        }
        return index;
    }

    /** Squared distance, abandoning early once it exceeds the bound (it can then not be a neighbour). */
    private static double squaredDistance(double[] a, double[] b, double bound) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
            if (s > bound) {
                return s;
            }
        }
        return s;
    }
}
