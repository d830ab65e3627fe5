package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.qspace.model.trees.Tree;

/**
 * A single regression tree (CART on histogram splits, every feature tried, {@link Tree}) on raw features: no
 * randomness, the seed is unused.
 */
public final class TreeBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    TreeBuilder() {
        this(defaults());
    }

    private TreeBuilder(Map<String, List<Object>> values) {
        super("tree", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("maxDepth", List.of(8));
        v.put("minLeaf", List.of(5));
        return v;
    }

    public TreeBuilder maxDepth(int... depths) {
        return (TreeBuilder) with("maxDepth", boxed(depths));
    }

    public TreeBuilder minLeaf(int... sizes) {
        return (TreeBuilder) with("minLeaf", boxed(sizes));
    }

    @Override
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new TreeBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        return Tree.fit(x, y, intValue("maxDepth"), intValue("minLeaf"));
    }
}
