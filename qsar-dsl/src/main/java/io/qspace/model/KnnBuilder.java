package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** k nearest neighbours on standardised features, neighbours weighted by 1 / distance (scikit-learn "distance"). */
public final class KnnBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    KnnBuilder() {
        this(defaults());
    }

    private KnnBuilder(Map<String, List<Object>> values) {
        super("knn", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("k", List.of(5));
        return v;
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
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new KnnBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        Standardiser scaler = Standardiser.fit(x);
        return new KnnModel(scaler, scaler.apply(x), y.clone(), Math.min(intValue("k"), x.length));
    }
}
