package io.qspace.model;


/**
 * k nearest neighbours on standardised features, neighbours weighted by 1 / distance (scikit-learn "distance").
 * Neighbours are found exactly up to {@link #exactUpTo} training rows and among the query's nearest cells above it
 * ({@link NeighbourCells}), recorded with the model as "fitted=cells(...)".
 */
@io.qspace.code.Version(2)
public final class KnnBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    KnnBuilder() {
        this(defaults());
    }

    private KnnBuilder(ParamGrid grid) {
        super("knn", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("k", 5).and("exactUpTo", DEFAULT_EXACT_UP_TO);
    }

    /**
     * Above this many training rows neighbours are searched approximately (per query about sqrt(rows) distances
     * instead of rows). 10,000 keeps every MoleculeACE set and the scaling benchmark up to 8,000 compounds exact.
     */
    public static final int DEFAULT_EXACT_UP_TO = 10_000;

    /** The largest training set searched exactly; Integer.MAX_VALUE keeps every search exact. */
    public KnnBuilder exactUpTo(int... rows) {
        return (KnnBuilder) with("exactUpTo", rowLimits("exactUpTo", rows));
    }

    public KnnBuilder k(int... k) {
        for (int value : k) {
            if (value < 1) {
                throw new IllegalArgumentException("knn: k must be at least 1, got " + value);
            }
        }
        return (KnnBuilder) with("k", boxed(k));
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new KnnBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        // Stored params before exactUpTo existed mean exact.
        int exactUpTo = p.has("exactUpTo") ? p.getInt("exactUpTo") : Integer.MAX_VALUE;
        return new KnnModel(Standardiser.fit(x), x.clone(), y.clone(), Math.min(p.getInt("k"), x.length),
                new NeighbourIndex.Search(exactUpTo, seed));
    }
}
