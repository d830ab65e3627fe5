package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.qspace.model.nn.MlpTrainer;

/**
 * A multilayer perceptron with one ReLU hidden layer, trained as scikit-learn's MLPRegressor (Adam, learning rate
 * 0.001, mini-batches of min(200, n), L2 1e-4, at most "epochs" epochs with its no-improvement stop) on standardised
 * features and a standardised response ({@link MlpTrainer}).
 */
public final class MlpBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    MlpBuilder() {
        this(defaults());
    }

    private MlpBuilder(Map<String, List<Object>> values) {
        super("mlp", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("units", List.of(16));
        v.put("epochs", List.of(100));
        return v;
    }

    public MlpBuilder units(int... units) {
        return (MlpBuilder) with("units", boxed(units));
    }

    public MlpBuilder epochs(int... epochs) {
        return (MlpBuilder) with("epochs", boxed(epochs));
    }

    @Override
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new MlpBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        return MlpTrainer.fit(x, y, intValue("units"), intValue("epochs"), seed);
    }
}
