package io.qspace.model;

import io.qspace.model.trees.Tree;

/**
 * A single regression tree (CART on histogram splits, every feature tried, {@link Tree}) on raw features: no
 * randomness, the seed is unused.
 */
// 2: the fitted model is the algorithm's predict as a Model (trees and nn no longer know Model): old stored
// models of this builder do not read back, so its invocations run again
@io.qspace.code.Version(2)
public final class TreeBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    TreeBuilder() {
        this(defaults());
    }

    private TreeBuilder(ParamGrid grid) {
        super("tree", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("maxDepth", 8)
                .and("minLeaf", 5);
    }

    public TreeBuilder maxDepth(int... depths) {
        return (TreeBuilder) with("maxDepth", boxed(depths));
    }

    public TreeBuilder minLeaf(int... sizes) {
        return (TreeBuilder) with("minLeaf", boxed(sizes));
    }

    /** The tree on classes 0 and 1 (Gini criterion), its leaf fractions clipped to [0, 1], with class weights. */
    @Override
    public ModelBuilder classifier() {
        return giniClassifier();
    }

    /**
     * Class weights of its classifier: "auto" (balanced when a class is under 20 percent, the default), "balanced" or
     * "none"; no effect on a regression.
     */
    public TreeBuilder classWeight(String... modes) {
        return (TreeBuilder) withClassWeight(modes);
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new TreeBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        Tree tree = Tree.fit(x, y, classWeights(p, y), p.getInt("maxDepth"), p.getInt("minLeaf"));
        return tree::predict;
    }
}
