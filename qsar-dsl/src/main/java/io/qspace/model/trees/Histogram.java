package io.qspace.model.trees;

/**
 * Per-node (sum target, sum weight, count) for every bin of every feature, except each feature's default bin, which is
 * derived from the node totals when a feature is scanned. Only features that a node's rows touch are ever written, so
 * clearing and subtracting cost what the node's rows hold, not the width of the matrix.
 */
final class Histogram {
    /** Interleaved per bin: [3b] sum of weight * target, [3b + 1] sum of weight, [3b + 2] row count. */
    final double[] stats;
    /** Rows of the node outside feature f's default bin. */
    final int[] featureRows;
    /** The features with featureRows > 0, in first-touch order. */
    final int[] touched;
    int touchedSize;

    Histogram(BinnedData data) {
        stats = new double[3 * data.binOffset[data.features]];
        featureRows = new int[data.features];
        touched = new int[data.features];
    }

    void clear(BinnedData data) {
        for (int t = 0; t < touchedSize; t++) {
            int f = touched[t];
            java.util.Arrays.fill(stats, 3 * data.binOffset[f], 3 * data.binOffset[f + 1], 0.0);
            featureRows[f] = 0;
        }
        touchedSize = 0;
    }

    /** Adds rows[start, end) with their weights and targets; the histogram must be clear. */
    void add(BinnedData data, int[] rows, int start, int end, double[] target, double[] weight) {
        int[] rowStart = data.rowStart;
        int[] entryFeature = data.entryFeature;
        int[] entryBin = data.entryBin;
        int[] offset = data.binOffset;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            double w = weight[r];
            double wy = w * target[r];
            for (int e = rowStart[r], stop = rowStart[r + 1]; e < stop; e++) {
                int f = entryFeature[e];
                if (featureRows[f]++ == 0) touched[touchedSize++] = f;
                int k = 3 * (offset[f] + entryBin[e]);
                stats[k] += wy;
                stats[k + 1] += w;
                stats[k + 2] += 1;
            }
        }
    }

    /** This (a parent) minus one child leaves the other child: half the histogram work at every split. */
    void subtract(BinnedData data, Histogram child) {
        int kept = 0;
        for (int t = 0; t < touchedSize; t++) {
            int f = touched[t];
            int remaining = featureRows[f] - child.featureRows[f];
            int from = 3 * data.binOffset[f];
            int to = 3 * data.binOffset[f + 1];
            if (remaining == 0) {
                java.util.Arrays.fill(stats, from, to, 0.0);
                featureRows[f] = 0;
                continue;
            }
            featureRows[f] = remaining;
            if (child.featureRows[f] > 0) {
                for (int k = from; k < to; k += 3) {
                    double count = stats[k + 2] - child.stats[k + 2];
                    // An emptied bin is set to exact zeros, so rounding residue cannot leak into later sums.
                    stats[k] = count == 0 ? 0 : stats[k] - child.stats[k];
                    stats[k + 1] = count == 0 ? 0 : stats[k + 1] - child.stats[k + 1];
                    stats[k + 2] = count;
                }
            }
            touched[kept++] = f;
        }
        touchedSize = kept;
    }
}
