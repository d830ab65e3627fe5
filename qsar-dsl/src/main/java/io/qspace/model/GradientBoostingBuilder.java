package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.qspace.model.trees.Boosting;

/**
 * Gradient tree boosting with least-squares loss ({@link Boosting}, histogram trees). Trees are grown best-first to at most maxLeafNodes leaves,
 * as scikit-learn does when max_leaf_nodes is set; each tree sees a random subsample of the compounds.
 */
public final class GradientBoostingBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    GradientBoostingBuilder() {
        this(defaults());
    }

    private GradientBoostingBuilder(Map<String, List<Object>> values) {
        super("gbm", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("trees", List.of(200));
        v.put("maxLeafNodes", List.of(6));
        v.put("subsample", List.of(0.7));
        v.put("learningRate", List.of(0.1));
        v.put("minLeaf", List.of(1));
        return v;
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
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new GradientBoostingBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        return Boosting.fit(x, y, intValue("trees"), intValue("maxLeafNodes"), intValue("minLeaf"),
                doubleValue("subsample"), doubleValue("learningRate"), seed);
    }
}
