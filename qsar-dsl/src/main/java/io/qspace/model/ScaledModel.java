package io.qspace.model;

import smile.regression.Regression;

/** A Smile model on (optionally) standardised rows; keeps the scaling so callers pass raw rows. */
final class ScaledModel implements Model {
    private static final long serialVersionUID = 1L;

    private final Standardiser scaler;
    private final Regression<double[]> regression;

    /** scaler may be null: the model then sees raw rows. */
    ScaledModel(Standardiser scaler, Regression<double[]> regression) {
        this.scaler = scaler;
        this.regression = regression;
    }

    @Override
    public double predict(double[] x) {
        return regression.predict(scaler == null ? x : scaler.apply(x));
    }
}
