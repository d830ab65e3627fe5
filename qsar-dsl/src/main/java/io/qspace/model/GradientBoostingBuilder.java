package io.qspace.model;

import io.qspace.model.trees.Boosting;

/**
 * Gradient tree boosting with least-squares loss ({@link Boosting}, histogram trees). Trees are grown best-first to at most maxLeafNodes leaves,
 * as scikit-learn does when max_leaf_nodes is set; each tree sees a random subsample of the compounds.
 */
// 2: the fitted model is the algorithm's predict as a Model (trees and nn no longer know Model): old stored
// models of this builder do not read back, so its invocations run again
@io.qspace.code.Version(2)
public final class GradientBoostingBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    GradientBoostingBuilder() {
        this(defaults());
    }

    private GradientBoostingBuilder(ParamGrid grid) {
        super("gbm", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("trees", 200)
                .and("maxLeafNodes", 6)
                .and("subsample", 0.7)
                .and("learningRate", 0.1)
                .and("minLeaf", 1);
    }

    public GradientBoostingBuilder trees(int... trees) {
        return (GradientBoostingBuilder) with("trees", boxed(trees));
    }

    public GradientBoostingBuilder maxLeafNodes(int... leaves) {
        return (GradientBoostingBuilder) with("maxLeafNodes", boxed(leaves));
    }

    public GradientBoostingBuilder subsample(double... fractions) {
        return (GradientBoostingBuilder) with("subsample", boxed(fractions));
    }

    public GradientBoostingBuilder learningRate(double... rates) {
        return (GradientBoostingBuilder) with("learningRate", boxed(rates));
    }

    public GradientBoostingBuilder minLeaf(int... sizes) {
        return (GradientBoostingBuilder) with("minLeaf", boxed(sizes));
    }

    @Override
    public ModelBuilder classifier() {
        return logisticClassifier();
    }

    /**
     * Class weights of its classifier (logistic loss): "auto" (balanced when a class is under 20 percent, the
     * default), "balanced" or "none"; no effect on a regression.
     */
    public GradientBoostingBuilder classWeight(String... modes) {
        return (GradientBoostingBuilder) withClassWeight(modes);
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new GradientBoostingBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        if (logistic(p)) {
            double[] weights = ClassWeights.of(p.getString("classWeight"), y);
            Boosting boosting = Boosting.fitLogistic(x, y, weights, p.getInt("trees"), p.getInt("maxLeafNodes"),
                    p.getInt("minLeaf"), p.getDouble("subsample"), p.getDouble("learningRate"), seed);
            return boosting::predict;
        }
        Boosting boosting = Boosting.fit(x, y, p.getInt("trees"), p.getInt("maxLeafNodes"), p.getInt("minLeaf"),
                p.getDouble("subsample"), p.getDouble("learningRate"), seed);
        return boosting::predict;
    }
}
