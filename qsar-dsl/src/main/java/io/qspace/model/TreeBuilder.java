package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;
import smile.regression.RegressionTree;

/** A single regression tree (Smile CART) on raw features: no randomness, the seed is unused. */
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
        DataFrame frame = SmileTable.of(x, y);
        // maxNodes = n leaves cannot bind: depth and leaf size are the only limits, as in scikit-learn.
        RegressionTree tree = RegressionTree.fit(SmileTable.FORMULA, frame, intValue("maxDepth"),
                Math.max(2, x.length), intValue("minLeaf"));
        return new TableModel(tree, SmileTable.schema(frame));
    }
}
