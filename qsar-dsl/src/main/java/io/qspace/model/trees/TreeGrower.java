package io.qspace.model.trees;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Grows one least-squares regression tree on binned data. Depth-first when the leaf count is unlimited (few
 * histograms alive at once), best-first by gain when it is bounded (scikit-learn's max_leaf_nodes). Not thread-safe:
 * one grower per thread, reused across that thread's trees so its buffers are allocated once.
 */
final class TreeGrower {
    private final BinnedData data;
    private final TreeSettings settings;
    private final int[] rows;
    private final int[] scratch;
    private final int[] pool;
    private final ArrayDeque<Histogram> spare = new ArrayDeque<>();

    // The tree under construction.
    private int size;
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] binThreshold = new int[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value = new double[64];

    TreeGrower(BinnedData data, TreeSettings settings) {
        this.data = data;
        this.settings = settings;
        this.rows = new int[data.rows];
        this.scratch = new int[data.rows];
        this.pool = new int[data.features];
    }

    /** An open node: its rows are rows[start, end). */
    private static final class Node {
        int id;
        int start;
        int end;
        int depth;
        double sumY;
        double sumW;
        Histogram histogram;
        int splitFeature = -1;
        int splitBin;
        double gain;
    }

    /**
     * Grows a tree on the rows with weight > 0 (multiplicities: bootstrap counts or 0/1 subsamples, times class
     * weights when given); importance, if given, gains each split's weighted impurity decrease. Leaf sizes count
     * rows, not weights.
     */
    Tree grow(double[] target, double[] weight, SplittableRandom random, double[] importance) {
        size = 0;
        int count = 0;
        for (int r = 0; r < data.rows; r++) if (weight[r] > 0) rows[count++] = r;
        Node root = open(0, count, 0, target, weight, null, random);
        boolean bestFirst = settings.maxLeaves() < Integer.MAX_VALUE;
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> a.gain != b.gain ? Double.compare(b.gain, a.gain)
                : Integer.compare(a.id, b.id));
        ArrayDeque<Node> stack = new ArrayDeque<>();
        if (bestFirst) queue.add(root);
        else stack.push(root);
        int leaves = 1;
        while (bestFirst ? !queue.isEmpty() : !stack.isEmpty()) {
            Node node = bestFirst ? queue.poll() : stack.pop();
            if (node.splitFeature < 0 || leaves >= settings.maxLeaves()) {
                close(node);
                continue;
            }
            leaves++;
            if (importance != null) importance[node.splitFeature] += node.gain;
            int middle = partition(node);
            feature[node.id] = node.splitFeature;
            binThreshold[node.id] = node.splitBin;
            threshold[node.id] = data.edges[node.splitFeature][node.splitBin];
            // Build the smaller child's histogram from its rows; the larger one is the parent's minus it.
            boolean leftSmaller = middle - node.start <= node.end - middle;
            int smallStart = leftSmaller ? node.start : middle;
            int smallEnd = leftSmaller ? middle : node.end;
            int largeStart = leftSmaller ? middle : node.start;
            int largeEnd = leftSmaller ? node.end : middle;
            Histogram parent = node.histogram;
            node.histogram = null;
            Histogram smallHistogram = null;
            if (splittable(largeEnd - largeStart, node.depth + 1)) {
                smallHistogram = take();
                smallHistogram.add(data, rows, smallStart, smallEnd, target, weight);
                parent.subtract(data, smallHistogram);
            } else {
                release(parent);
                parent = null;
            }
            Node small = open(smallStart, smallEnd, node.depth + 1, target, weight, smallHistogram, random);
            Node large = open(largeStart, largeEnd, node.depth + 1, target, weight, parent, random);
            left[node.id] = leftSmaller ? small.id : large.id;
            right[node.id] = leftSmaller ? large.id : small.id;
            if (bestFirst) {
                queue.add(small);
                queue.add(large);
            } else {
                stack.push(large);
                stack.push(small);
            }
        }
        return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                Arrays.copyOf(binThreshold, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                Arrays.copyOf(value, size));
    }

    /** Registers a node, fills its totals and histogram (given, or built from its rows) and finds its best split. */
    private Node open(int start, int end, int depth, double[] target, double[] weight, Histogram given,
            SplittableRandom random) {
        Node node = new Node();
        node.id = newNode();
        node.start = start;
        node.end = end;
        node.depth = depth;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            node.sumW += weight[r];
            node.sumY += weight[r] * target[r];
        }
        value[node.id] = node.sumW > 0 ? node.sumY / node.sumW : 0;
        feature[node.id] = -1;
        if (!splittable(end - start, depth)) {
            release(given);
            return node;
        }
        Histogram histogram = given;
        if (histogram == null) {
            histogram = take();
            histogram.add(data, rows, start, end, target, weight);
        }
        node.histogram = histogram;
        findSplit(node, random);
        if (node.splitFeature < 0) {
            release(histogram);
            node.histogram = null;
        }
        return node;
    }

    private boolean splittable(int count, int depth) {
        return depth < settings.maxDepth() && count >= 2 * settings.minLeaf() && count >= 2
                && settings.maxLeaves() > 1;
    }

    private Histogram take() {
        return spare.isEmpty() ? new Histogram(data) : spare.pop();
    }

    private void close(Node node) {
        release(node.histogram);
        node.histogram = null;
    }

    private void release(Histogram histogram) {
        if (histogram != null) {
            histogram.clear(data);
            spare.push(histogram);
        }
    }

    /**
     * Scans candidate features as scikit-learn does: a random subset of mtry features among those not constant in the
     * node (constant ones drawn do not count), or all of them.
     */
    private void findSplit(Node node, SplittableRandom random) {
        Histogram h = node.histogram;
        int count = node.end - node.start;
        int candidates = h.touchedSize;
        System.arraycopy(h.touched, 0, pool, 0, candidates);
        int wanted = settings.mtry();
        int found = 0;
        double parentScore = node.sumY * node.sumY / node.sumW;
        double bestScore = parentScore;
        // Relative slack so rounding noise on a constant target never passes for a split.
        double tolerance = 1e-12 * (Math.abs(parentScore) + 1e-300) + 1e-14;
        boolean sample = wanted < data.features;
        for (int c = 0; c < candidates && found < wanted; c++) {
            if (sample) {
                int pick = c + random.nextInt(candidates - c);
                int t = pool[pick];
                pool[pick] = pool[c];
                pool[c] = t;
            }
            int f = pool[c];
            if (h.featureRows[f] == count && !hasTwoBins(h, f)) continue;
            found++;
            int offset = data.binOffset[f];
            int bins = data.bins(f);
            int defaultBin = data.defaultBin[f];
            double[] s = h.stats;
            double restY = 0;
            double restW = 0;
            for (int b = 0; b < bins; b++) {
                int k = 3 * (offset + b);
                restY += s[k];
                restW += s[k + 1];
            }
            double defaultY = node.sumY - restY;
            double defaultW = node.sumW - restW;
            int defaultCount = count - h.featureRows[f];
            double leftY = 0;
            double leftW = 0;
            int leftCount = 0;
            int minLeaf = settings.minLeaf();
            for (int b = 0; b < bins - 1; b++) {
                int k = 3 * (offset + b);
                int binCount = b == defaultBin ? defaultCount : (int) s[k + 2];
                if (binCount == 0) continue;
                leftY += b == defaultBin ? defaultY : s[k];
                leftW += b == defaultBin ? defaultW : s[k + 1];
                leftCount += binCount;
                int rightCount = count - leftCount;
                if (rightCount == 0) break;
                if (leftCount < minLeaf) continue;
                if (rightCount < minLeaf) break;
                double rightY = node.sumY - leftY;
                double rightW = node.sumW - leftW;
                double score = leftY * leftY / leftW + rightY * rightY / rightW;
                if (score > bestScore + tolerance) {
                    bestScore = score;
                    node.splitFeature = f;
                    node.splitBin = b;
                }
            }
        }
        node.gain = bestScore - parentScore;
    }

    /** A feature whose node rows all lie outside the default bin may still sit in a single bin: constant. */
    private boolean hasTwoBins(Histogram h, int f) {
        int occupied = 0;
        for (int k = 3 * data.binOffset[f] + 2, stop = 3 * data.binOffset[f + 1]; k < stop; k += 3) {
            if (h.stats[k] > 0 && ++occupied > 1) return true;
        }
        return false;
    }

    /** Stable partition of the node's rows: bin <= split bin to the left. Returns the first right position. */
    private int partition(Node node) {
        int base = node.splitFeature * data.rows;
        byte[] codes = data.codes;
        int bin = node.splitBin;
        int l = node.start;
        int r = 0;
        for (int i = node.start; i < node.end; i++) {
            int row = rows[i];
            if ((codes[base + row] & 0xFF) <= bin) rows[l++] = row;
            else scratch[r++] = row;
        }
        System.arraycopy(scratch, 0, rows, l, r);
        return l;
    }

    private int newNode() {
        if (size == feature.length) {
            int capacity = 2 * size;
            feature = Arrays.copyOf(feature, capacity);
            threshold = Arrays.copyOf(threshold, capacity);
            binThreshold = Arrays.copyOf(binThreshold, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        return size++;
    }
}
