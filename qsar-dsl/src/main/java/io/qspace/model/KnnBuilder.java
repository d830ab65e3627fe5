package io.qspace.model;


/** k nearest neighbours on standardised features, neighbours weighted by 1 / distance (scikit-learn "distance"). */
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
        return ParamGrid.of("k", 5);
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
        return new KnnModel(Standardiser.fit(x), x.clone(), y.clone(), Math.min(p.getInt("k"), x.length));
    }
}
