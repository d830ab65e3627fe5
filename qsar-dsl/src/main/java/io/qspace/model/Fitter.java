package io.qspace.model;

/**
 * A model-building algorithm without parameters: {@code (x, y, seed) -> model}. Serialisable, so a lambda can travel
 * to a grid.
 */
@FunctionalInterface
public interface Fitter extends ParamFitter {
    Model fit(double[][] x, double[] y, long seed);

    @Override
    default Model fit(double[][] x, double[] y, long seed, Params p) {
        return fit(x, y, seed);
    }
}
