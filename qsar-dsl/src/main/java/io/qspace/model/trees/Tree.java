package io.qspace.model.trees;


/** A fitted regression tree as flat arrays (node 0 is the root; feature -1 marks a leaf), compact to store and ship. */
public final class Tree implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] feature;
    private final double[] threshold;
    /** Bin-space thresholds: route the binned training rows without going back to raw values. */
    private final int[] binThreshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;

    Tree(int[] feature, double[] threshold, int[] binThreshold, int[] left, int[] right, double[] value) {
        this.feature = feature;
        this.threshold = threshold;
        this.binThreshold = binThreshold;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /** One tree on all rows, every feature tried at each split (CART with histogram splits); no randomness. */
    public static Tree fit(double[][] x, double[] y, int maxDepth, int minLeaf) {
        return fit(x, y, null, maxDepth, minLeaf);
    }

    /** The same with per-row weights (class weights; null: all 1) in the split scores and leaf means. */
    public static Tree fit(double[][] x, double[] y, double[] rowWeights, int maxDepth, int minLeaf) {
        BinnedData data = BinnedData.of(x);
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double[] target = new double[y.length];
        for (int i = 0; i < y.length; i++) target[i] = y[i] - mean;
        double[] weight = rowWeights == null ? new double[y.length] : rowWeights.clone();
        if (rowWeights == null) java.util.Arrays.fill(weight, 1);
        Tree tree = new TreeGrower(data, new TreeSettings(maxDepth, minLeaf, data.features, Integer.MAX_VALUE))
                .grow(target, weight, null, null);
        tree.rescaleLeaves(1, mean);
        return tree;
    }

    /** Predictions for many rows at once. */
    public double[] predict(double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(this::predict).toArray();
    }

    public double predict(double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    /** The prediction for training row r of the data the tree was grown on. */
    double predictBinned(BinnedData data, int r) {
        int node = 0;
        while (feature[node] >= 0) {
            node = data.code(feature[node], r) <= binThreshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    /** The leaf that training row r of the data the tree was grown on falls in. */
    int leafBinned(BinnedData data, int r) {
        int node = 0;
        while (feature[node] >= 0) {
            node = data.code(feature[node], r) <= binThreshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The tree's node count, for arrays indexed by leaf. */
    int size() {
        return value.length;
    }

    /** Replaces one leaf's value (a boosting loss's own leaf estimate, e.g. a Newton step). */
    void setLeaf(int node, double v) {
        if (feature[node] >= 0) {
            throw new IllegalArgumentException("node " + node + " is not a leaf");
        }
        value[node] = v;
    }

    /** Leaf values become a * value + b (a learning rate, a centring offset). */
    void rescaleLeaves(double a, double b) {
        for (int i = 0; i < value.length; i++) {
            if (feature[i] < 0) value[i] = a * value[i] + b;
        }
    }

    public int nodes() {
        return feature.length;
    }

    public int leaves() {
        int n = 0;
        for (int f : feature) if (f < 0) n++;
        return n;
    }

    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }
}
