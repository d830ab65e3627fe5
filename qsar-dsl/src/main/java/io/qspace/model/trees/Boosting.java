package io.qspace.model.trees;

import io.qspace.model.loss.Logistic;

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
    /** Logistic loss: the trees sum to the log-odds of class 1, and predict gives its probability. */
    private final boolean logistic;

    private Boosting(double initial, Tree[] trees, double[] importance) {
        this(initial, trees, importance, false);
    }

    private Boosting(double initial, Tree[] trees, double[] importance, boolean logistic) {
        this.initial = initial;
        this.trees = trees;
        this.importance = importance;
        this.logistic = logistic;
    }

    public static Boosting fit(double[][] x, double[] y, int count, int maxLeaves, int minLeaf, double subsample,
            double learningRate, long seed) {
        return fit(x, y, null, count, maxLeaves, minLeaf, subsample, learningRate, seed, false);
    }

    /**
     * Binary logistic loss for classes 0 and 1, as scikit-learn's GradientBoostingClassifier: start at the log-odds
     * of the class fractions, fit each tree to the negative gradient y - p of a subsample, and give each leaf the
     * Newton step sum(w (y - p)) / sum(w p (1 - p)) over its in-bag rows; predict returns the probability of class 1.
     *
     * @param weights per-compound weights (class weights), or null for all 1
     */
    public static Boosting fitLogistic(double[][] x, double[] y, double[] weights, int count, int maxLeaves,
            int minLeaf, double subsample, double learningRate, long seed) {
        return fit(x, y, weights, count, maxLeaves, minLeaf, subsample, learningRate, seed, true);
    }

    private static Boosting fit(double[][] x, double[] y, double[] weights, int count, int maxLeaves, int minLeaf,
            double subsample, double learningRate, long seed, boolean logistic) {
        BinnedData data = BinnedData.of(x);
        int n = data.rows;
        double initial = 0;
        for (double v : y) initial += v;
        initial /= n;
        if (logistic) {
            initial = Logistic.baseLogOdds(y, weights);
        }
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, initial);
        double[] residual = new double[n];
        double[] weight = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int inBag = subsample >= 1 ? n : Math.max(1, (int) (subsample * n));
        SplittableRandom random = new SplittableRandom(seed);
        TreeGrower grower = new TreeGrower(data, new TreeSettings(Integer.MAX_VALUE, minLeaf, data.features,
                maxLeaves));
        double[] importance = new double[data.features];
        Tree[] trees = new Tree[count];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) {
                // the weighted loss's negative gradient: class weights steer the splits as well as the leaf values
                residual[i] = logistic ? (weights == null ? 1 : weights[i]) * (y[i] - Logistic.sigmoid(fitted[i]))
                        : y[i] - fitted[i];
            }
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
            if (logistic) {
                newtonLeaves(tree, data, y, fitted, weights, weight);
            }
            tree.rescaleLeaves(learningRate, 0);
            for (int r = 0; r < n; r++) fitted[r] += tree.predictBinned(data, r);
            trees[t] = tree;
        }
        return new Boosting(initial, trees, importance, logistic);
    }

    /** Each leaf's value becomes the Newton step of the logistic loss over the in-bag rows that reach it. */
    private static void newtonLeaves(Tree tree, BinnedData data, double[] y, double[] fitted, double[] weights,
                                     double[] inBag) {
        double[] numerator = new double[tree.size()];
        double[] denominator = new double[tree.size()];
        boolean[] reached = new boolean[tree.size()];
        for (int r = 0; r < y.length; r++) {
            if (inBag[r] == 0) continue;
            int leaf = tree.leafBinned(data, r);
            double p = Logistic.sigmoid(fitted[r]);
            double w = weights == null ? 1 : weights[r];
            numerator[leaf] += w * (y[r] - p);
            denominator[leaf] += w * p * (1 - p);
            reached[leaf] = true;
        }
        for (int node = 0; node < reached.length; node++) {
            if (reached[node]) {
                // As scikit-learn: a leaf whose rows are all (nearly) certain takes no step.
                tree.setLeaf(node, Math.abs(denominator[node]) < 1e-150 ? 0 : numerator[node] / denominator[node]);
            }
        }
    }


    /** Predictions for many rows at once. */
    public double[] predict(double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(this::predict).toArray();
    }

    public double predict(double[] x) {
        double sum = initial;
        for (Tree tree : trees) sum += tree.predict(x);
        return logistic ? Logistic.sigmoid(sum) : sum;
    }

    /** Summed impurity decrease per feature over all trees (unnormalised). */
    public double[] importance() {
        return importance.clone();
    }
}
