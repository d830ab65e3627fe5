package io.qspace.model.trees;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A random forest of histogram trees. Tree t draws its bootstrap and feature subsets from a generator seeded with
 * derive(seed, t) alone, and trees are averaged in index order, so predictions are bit-identical whatever the number
 * of threads or their scheduling. Threads split the trees into contiguous blocks, each with one reused grower: no
 * work is added by going parallel.
 */
public final class Forest implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Tree[] trees;
    private final double[] importance;

    private Forest(Tree[] trees, double[] importance) {
        this.trees = trees;
        this.importance = importance;
    }

    /**
     * @param treeSeeds one seed per tree (its length is the number of trees), derived by the caller from its own
     *                  seed, so a tree's randomness does not depend on the others or on the threads.
     * @param threads worker threads; 1 fits on the caller's thread.
     */
    public static Forest fit(double[][] x, double[] y, TreeSettings settings, boolean bootstrap, long[] treeSeeds,
            int threads) {
        return fit(x, y, null, settings, bootstrap, treeSeeds, threads);
    }

    /**
     * The same with per-row weights (class weights; null: all 1) multiplying each tree's bootstrap counts, as
     * scikit-learn's class_weight does: split scores and leaf means are weighted, the bootstrap draws are not.
     */
    public static Forest fit(double[][] x, double[] y, double[] rowWeights, TreeSettings settings, boolean bootstrap,
            long[] treeSeeds, int threads) {
        int count = treeSeeds.length;
        BinnedData data = BinnedData.of(x);
        int n = data.rows;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        // Centred targets keep the split scores (squared sums) away from cancellation for activities like pKi 8.
        double[] target = new double[n];
        for (int i = 0; i < n; i++) target[i] = y[i] - mean;
        Tree[] trees = new Tree[count];
        double[][] perTree = new double[count][];
        int blocks = Math.max(1, Math.min(threads, count));
        double offset = mean;
        IntStream range = IntStream.range(0, blocks);
        (blocks > 1 ? range.parallel() : range).forEach(block -> {
            TreeGrower grower = new TreeGrower(data, settings);
            double[] weight = new double[n];
            for (int t = block * count / blocks, stop = (block + 1) * count / blocks; t < stop; t++) {
                SplittableRandom random = new SplittableRandom(treeSeeds[t]);
                if (bootstrap) {
                    java.util.Arrays.fill(weight, 0);
                    for (int i = 0; i < n; i++) weight[random.nextInt(n)]++;
                } else {
                    java.util.Arrays.fill(weight, 1);
                }
                if (rowWeights != null) {
                    for (int i = 0; i < n; i++) weight[i] *= rowWeights[i];
                }
                double[] gains = new double[data.features];
                trees[t] = grower.grow(target, weight, random, gains);
                trees[t].rescaleLeaves(1, offset);
                perTree[t] = gains;
            }
        });
        // As scikit-learn: each tree's impurity decreases normalised to sum 1, then averaged over trees.
        double[] importance = new double[data.features];
        for (double[] gains : perTree) {
            double total = 0;
            for (double g : gains) total += g;
            if (total <= 0) continue;
            for (int f = 0; f < gains.length; f++) importance[f] += gains[f] / total / count;
        }
        return new Forest(trees, importance);
    }

    /** Predictions for many rows at once. */
    public double[] predict(double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(this::predict).toArray();
    }

    public double predict(double[] x) {
        double sum = 0;
        for (Tree tree : trees) sum += tree.predict(x);
        return sum / trees.length;
    }

    /** Mean decrease in impurity per feature (scikit-learn's feature_importances_). */
    public double[] importance() {
        return importance.clone();
    }

    public int size() {
        return trees.length;
    }

    public Tree tree(int t) {
        return trees[t];
    }
}
