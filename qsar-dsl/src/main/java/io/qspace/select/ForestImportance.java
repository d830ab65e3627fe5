package io.qspace.select;

import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.RandomForest;

/**
 * "forestK": the K descriptors a random forest leans on most (impurity decrease summed over its trees), which also
 * finds descriptors acting non-linearly or only in combination, where a correlation ranking is blind.
 *
 * <p>Forest: {@value #TREES} regression trees, a third of the descriptors tried per split, bootstrap samples, at most
 * depth 20 and leaves of at least 5 molecules. Each tree gets its own seed derived from the caller's seed; Smile
 * reseeds its thread-local generator per tree (given seeds above 1, see {@link #treeSeeds}), and with fewer descriptors tried than available a tree is grown on one
 * thread, so the result depends on the seed only, also when several selections run at once.
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
        String[] names = IntStream.range(0, p).mapToObj(d -> "x" + d).toArray(String[]::new);
        DataFrame frame = DataFrame.of(data, names).merge(DoubleVector.of("activity", y));
        int mtry = Math.max(1, p / 3);
        RandomForest forest = RandomForest.fit(Formula.lhs("activity"), frame, TREES, mtry, MAX_DEPTH,
                Math.max(2, rows), MIN_LEAF, 1.0, treeSeeds(seed));
        return forest.importance();
    }

    /**
     * Per-tree seeds, distinct and all above 1: Smile 3.1.1 silently skips reseeding a tree whose seed is 0, 1 or
     * negative, and such a tree then draws from whatever state its worker thread was left in.
     */
    static LongStream treeSeeds(long seed) {
        long base = splitMix64(seed) & 0x3FFF_FFFF_FFFF_FF00L;
        return LongStream.range(0, TREES).map(t -> base + 2 + t);
    }

    private static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
