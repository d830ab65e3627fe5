package io.qspace.model;

import io.qspace.model.nn.Mlp;
import io.qspace.model.nn.MlpTrainer;

/**
 * A multilayer perceptron with one ReLU hidden layer, trained as scikit-learn's MLPRegressor (Adam, learning rate
 * 0.001, mini-batches of min(200, n), L2 1e-4, at most "epochs" epochs with its no-improvement stop) on standardised
 * features and a standardised response ({@link MlpTrainer}).
 */
// 2: the fitted model is the algorithm's predict as a Model (trees and nn no longer know Model): old stored
// models of this builder do not read back, so its invocations run again
@io.qspace.code.Version(2)
public final class MlpBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    MlpBuilder() {
        this(defaults());
    }

    private MlpBuilder(ParamGrid grid) {
        super("mlp", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("units", 16)
                .and("epochs", 100);
    }

    public MlpBuilder units(int... units) {
        return (MlpBuilder) with("units", boxed(units));
    }

    public MlpBuilder epochs(int... epochs) {
        return (MlpBuilder) with("epochs", boxed(epochs));
    }

    @Override
    public ModelBuilder classifier() {
        return logisticClassifier();
    }

    /**
     * Class weights of its classifier (logistic loss): "auto" (balanced when a class is under 20 percent, the
     * default), "balanced" or "none"; no effect on a regression.
     */
    public MlpBuilder classWeight(String... modes) {
        return (MlpBuilder) withClassWeight(modes);
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new MlpBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        if (logistic(p)) {
            Mlp mlp = MlpTrainer.fitLogistic(x, y, ClassWeights.of(p.getString("classWeight"), y), p.getInt("units"),
                    p.getInt("epochs"), seed);
            return mlp::predict;
        }
        Mlp mlp = MlpTrainer.fit(x, y, p.getInt("units"), p.getInt("epochs"), seed);
        return mlp::predict;
    }
}
