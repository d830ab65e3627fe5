package io.qspace.model;

import smile.regression.Regression;

/** A Smile kernel model on count vectors (the tanimoto kernel's rows); takes raw rows. */
final class CountsModel implements Model {
    private static final long serialVersionUID = 1L;

    private final Regression<CountVector> regression;

    CountsModel(Regression<CountVector> regression) {
        this.regression = regression;
    }

    @Override
    public double predict(double[] x) {
        return regression.predict(CountVector.of(x));
    }
}
