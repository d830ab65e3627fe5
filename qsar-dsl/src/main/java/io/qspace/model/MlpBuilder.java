package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import smile.regression.MLP;

/**
 * A multilayer perceptron with one ReLU hidden layer (Smile), trained by mini-batch gradient descent with RMSProp
 * (batch 32, learning rate 0.01, rho 0.9: the nearest Smile has to scikit-learn's Adam) on standardised features and a
 * standardised response. Plain SGD at Smile's default rate barely moved in 100 epochs on test data.
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
        Standardiser scaler = Standardiser.fit(x);
        Properties settings = new Properties();
        settings.setProperty("smile.mlp.layers", "ReLU(" + intValue("units") + ")");
        settings.setProperty("smile.mlp.epochs", Integer.toString(intValue("epochs")));
        settings.setProperty("smile.mlp.mini_batch", "32");
        settings.setProperty("smile.mlp.learning_rate", "0.01");
        settings.setProperty("smile.mlp.RMSProp.rho", "0.9");
        // Scaling the response keeps the output layer's gradients sane for activities like pKi 4-11.
        settings.setProperty("smile.mlp.scaler", "standardizer");
        // Initial weights and the per-epoch shuffles come from MathEx's thread-local generator, on this thread.
        Seeds.seedSmile(seed);
        MLP mlp = MLP.fit(scaler.apply(x), y, settings);
        return new ScaledModel(scaler, mlp);
    }
}
