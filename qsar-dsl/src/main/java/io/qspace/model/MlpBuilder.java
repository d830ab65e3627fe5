package io.qspace.model;

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
    protected GridBuilder create(ParamGrid grid) {
        return new MlpBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        return MlpTrainer.fit(x, y, p.getInt("units"), p.getInt("epochs"), seed);
    }
}
