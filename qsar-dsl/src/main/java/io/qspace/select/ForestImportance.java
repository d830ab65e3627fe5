package io.qspace.select;

import java.util.Comparator;
import java.util.stream.IntStream;
import io.qspace.model.trees.Forest;
import io.qspace.model.trees.TreeSettings;

/**
 * "forestK": the K descriptors a random forest leans on most (impurity decrease summed over its trees), which also
 * finds descriptors acting non-linearly or only in combination, where a correlation ranking is blind.
 *
 * <p>Forest: {@value #TREES} histogram regression trees ({@link Forest}), a third of the descriptors tried per split,
 * bootstrap samples, at most depth 20 and leaves of at least 5 molecules. Every tree's randomness comes from a seed
 * derived from the caller's, and trees are combined in order, so the result depends on the seed only, also when
 * several selections run at once.
 */
record ForestImportance(int k) implements Selector {
    private static final long serialVersionUID = 1L;

    static final int TREES = 100;
    private static final int MAX_DEPTH = 20;
    private static final int MIN_LEAF = 5;

    ForestImportance {
        if (k < 1) throw new IllegalArgumentException("forestImportance needs k >= 1: " + k);
    }

    @Override
    public String name() {
        return "forest" + k;
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        int[] descriptors = Candidates.descriptorPositions(candidates, context);
        if (descriptors.length <= k) {
            // Everything would be chosen anyway: no forest needed.
            return Candidates.featureSet(name(), descriptors, candidates, context);
        }
        double[] importance = importance(x, y, descriptors, seed);
        int[] chosen = IntStream.range(0, descriptors.length).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> -importance[d])
                        .thenComparingInt(d -> candidates[descriptors[d]]))
                .limit(k)
                .mapToInt(d -> descriptors[d])
                .toArray();
        return Candidates.featureSet(name(), chosen, candidates, context);
    }

    private static double[] importance(double[][] x, double[] y, int[] descriptors, long seed) {
        int rows = x.length;
        int p = descriptors.length;
        double[][] data = new double[rows][p];
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < p; d++) data[i][d] = x[i][descriptors[d]];
        }
        TreeSettings settings = new TreeSettings(MAX_DEPTH, MIN_LEAF, Math.max(1, p / 3), Integer.MAX_VALUE);
        return Forest.fit(data, y, settings, true, io.qspace.model.Seeds.each(seed, TREES),
                Runtime.getRuntime().availableProcessors()).importance();
    }
}
