package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.qspace.model.trees.Forest;
import io.qspace.model.trees.TreeSettings;

/**
 * Random forest as scikit-learn's RandomForestRegressor: bootstrap samples, a random fraction of the non-constant
 * features tried at each split, leaves down to minLeaf compounds, no depth limit. Histogram trees
 * ({@link Forest}); trees are grown on all cores, each from its own seed derived from ours.
 */
public final class RandomForestBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    RandomForestBuilder() {
        this(defaults());
    }

    private RandomForestBuilder(Map<String, List<Object>> values) {
        super("rf", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("trees", List.of(200));
        v.put("maxFeatures", List.of(1.0 / 3));
        v.put("minLeaf", List.of(1));
        return v;
    }

    public RandomForestBuilder trees(int... trees) {
        return (RandomForestBuilder) with("trees", boxed(trees));
    }

    /** The fraction of features tried at each split, in (0, 1]. */
    public RandomForestBuilder maxFeatures(double... fractions) {
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("rf: maxFeatures is a fraction in (0, 1], got " + f);
            }
        }
        return (RandomForestBuilder) with("maxFeatures", boxed(fractions));
    }

    public RandomForestBuilder minLeaf(int... sizes) {
        return (RandomForestBuilder) with("minLeaf", boxed(sizes));
    }

    @Override
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new RandomForestBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        int p = x[0].length;
        // As scikit-learn: max(1, int(fraction * p)).
        int mtry = Math.max(1, (int) (doubleValue("maxFeatures") * p));
        TreeSettings settings = new TreeSettings(Integer.MAX_VALUE, intValue("minLeaf"), mtry, Integer.MAX_VALUE);
        return Forest.fit(x, y, intValue("trees"), settings, true, seed, Runtime.getRuntime().availableProcessors());
    }
}
