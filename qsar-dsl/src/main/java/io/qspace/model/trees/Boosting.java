package io.qspace.model.trees;

import java.util.SplittableRandom;

/**
 * Least-squares gradient boosting of best-first histogram trees, as scikit-learn's GradientBoostingRegressor with
 * max_leaf_nodes: start at the mean, fit each tree to the residuals of a random subsample (drawn without replacement),
 * add it shrunk by the learning rate.
 */
public final class Boosting implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double initial;
    private final Tree[] trees;
    private final double[] importance;

    private Boosting(double initial, Tree[] trees, double[] importance) {
        this.initial = initial;
        this.trees = trees;
        this.importance = importance;
    }

    public static Boosting fit(double[][] x, double[] y, int count, int maxLeaves, int minLeaf, double subsample,
            double learningRate, long seed) {
        BinnedData data = BinnedData.of(x);
        int n = data.rows;
        double initial = 0;
        for (double v : y) initial += v;
        initial /= n;
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, initial);
        double[] residual = new double[n];
        int[] weight = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int inBag = subsample >= 1 ? n : Math.max(1, (int) (subsample * n));
        SplittableRandom random = new SplittableRandom(seed);
        TreeGrower grower = new TreeGrower(data, new TreeSettings(Integer.MAX_VALUE, minLeaf, data.features,
                maxLeaves));
        double[] importance = new double[data.features];
        Tree[] trees = new Tree[count];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) residual[i] = y[i] - fitted[i];
            java.util.Arrays.fill(weight, inBag == n ? 1 : 0);
            if (inBag < n) {
                // A partial Fisher-Yates shuffle: exactly inBag distinct rows.
                for (int i = 0; i < inBag; i++) {
                    int j = i + random.nextInt(n - i);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                    weight[order[i]] = 1;
                }
            }
            Tree tree = grower.grow(residual, weight, random, importance);
            tree.rescaleLeaves(learningRate, 0);
            for (int r = 0; r < n; r++) fitted[r] += tree.predictBinned(data, r);
            trees[t] = tree;
        }
        return new Boosting(initial, trees, importance);
    }

    /** Predictions for many rows at once. */
    public double[] predict(double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(this::predict).toArray();
    }

    public double predict(double[] x) {
        double sum = initial;
        for (Tree tree : trees) sum += tree.predict(x);
        return sum;
    }

    /** Summed impurity decrease per feature over all trees (unnormalised). */
    public double[] importance() {
        return importance.clone();
    }
}
