package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;
import smile.regression.RandomForest;

/**
 * Random forest (Smile): bootstrap samples, a random third of the features tried at each split, leaves down to one
 * compound (Smile nodeSize 1, the closest equivalent of scikit-learn's min_samples_leaf=1), depth practically
 * unlimited. Smile grows trees in parallel on the common ForkJoin pool; each tree gets its own seed from ours.
 */
public final class RandomForestBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;
    /** Stands in for "no depth limit": leaves of one compound stop growth long before. */
    private static final int UNLIMITED_DEPTH = 1000;

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
        int trees = intValue("trees");
        // As scikit-learn: max(1, int(fraction * p)).
        int mtry = Math.max(1, (int) (doubleValue("maxFeatures") * p));
        DataFrame frame = SmileTable.of(x, y);
        RandomForest forest = RandomForest.fit(SmileTable.FORMULA, frame, trees, mtry, UNLIMITED_DEPTH,
                Math.max(2, x.length), intValue("minLeaf"), 1.0, Seeds.forSmile(seed, trees));
        return new TableModel(forest, SmileTable.schema(frame));
    }
}
