package io.qspace.model.trees;

import java.util.Arrays;

/**
 * The training matrix binned once per fit: at most 256 bins per column (exact values when a column has no more
 * distinct values, quantiles otherwise), held twice in compact form. Column-major bin codes serve partitioning (one
 * feature, many rows); per-row lists of the entries outside each column's most frequent bin serve histogram building,
 * so the zero bin of a fingerprint column is never touched (its stats are the node totals minus the other bins).
 */
public final class BinnedData {
    static final int MAX_BINS = 256;

    final int rows;
    final int features;
    /** Bin of row r in feature f at f * rows + r, unsigned. */
    final byte[] codes;
    /** Split value between bin b and b + 1 of feature f: a row goes left when x <= edges[f][b]. */
    final double[][] edges;
    /** Start of feature f's bins in a flat histogram; binOffset[features] is the total bin count. */
    final int[] binOffset;
    /** The most frequent bin of each feature: left out of the row lists. */
    final int[] defaultBin;
    /** Row r's non-default entries are rowStart[r] until rowStart[r + 1] in entryFeature / entryBin. */
    final int[] rowStart;
    final int[] entryFeature;
    final int[] entryBin;

    private BinnedData(int rows, int features, byte[] codes, double[][] edges, int[] defaultBin) {
        this.rows = rows;
        this.features = features;
        this.codes = codes;
        this.edges = edges;
        this.defaultBin = defaultBin;
        this.binOffset = new int[features + 1];
        for (int f = 0; f < features; f++) {
            binOffset[f + 1] = binOffset[f] + edges[f].length + 1;
        }
        this.rowStart = new int[rows + 1];
        for (int f = 0; f < features; f++) {
            int base = f * rows;
            for (int r = 0; r < rows; r++) {
                if ((codes[base + r] & 0xFF) != defaultBin[f]) rowStart[r + 1]++;
            }
        }
        for (int r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
        this.entryFeature = new int[rowStart[rows]];
        this.entryBin = new int[rowStart[rows]];
        int[] fill = Arrays.copyOf(rowStart, rows);
        for (int f = 0; f < features; f++) {
            int base = f * rows;
            for (int r = 0; r < rows; r++) {
                int b = codes[base + r] & 0xFF;
                if (b != defaultBin[f]) {
                    entryFeature[fill[r]] = f;
                    entryBin[fill[r]++] = b;
                }
            }
        }
    }

    public static BinnedData of(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        byte[] codes = new byte[n * p];
        double[][] edges = new double[p][];
        int[] defaultBin = new int[p];
        double[] column = new double[n];
        for (int f = 0; f < p; f++) {
            for (int r = 0; r < n; r++) column[r] = x[r][f];
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            edges[f] = edges(sorted);
            int[] counts = new int[edges[f].length + 1];
            for (int r = 0; r < n; r++) {
                int b = bin(edges[f], column[r]);
                codes[f * n + r] = (byte) b;
                counts[b]++;
            }
            int best = 0;
            for (int b = 1; b < counts.length; b++) if (counts[b] > counts[best]) best = b;
            defaultBin[f] = best;
        }
        return new BinnedData(n, p, codes, edges, defaultBin);
    }

    int code(int feature, int row) {
        return codes[feature * rows + row] & 0xFF;
    }

    int bins(int feature) {
        return binOffset[feature + 1] - binOffset[feature];
    }

    /** Midpoints between consecutive distinct values, as scikit-learn's thresholds; quantiles when there are too many. */
    static double[] edges(double[] sorted) {
        int n = sorted.length;
        int distinct = 1;
        for (int i = 1; i < n; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        double[] out;
        int k = 0;
        if (distinct <= MAX_BINS) {
            out = new double[distinct - 1];
            for (int i = 1; i < n; i++) {
                if (sorted[i] != sorted[i - 1]) out[k++] = midpoint(sorted[i - 1], sorted[i]);
            }
            return out;
        }
        out = new double[MAX_BINS - 1];
        for (int q = 1; q < MAX_BINS; q++) {
            int i = (int) ((long) q * n / MAX_BINS);
            if (i > 0 && sorted[i] != sorted[i - 1]) {
                double edge = midpoint(sorted[i - 1], sorted[i]);
                if (k == 0 || edge > out[k - 1]) out[k++] = edge;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static double midpoint(double a, double b) {
        double m = a + (b - a) / 2;
        // Rounding can land the midpoint on b; the split must keep b on the right.
        return m < b ? m : a;
    }

    /** The first bin whose upper edge is >= value (the last bin when none is). */
    static int bin(double[] edges, double value) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= edges[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
