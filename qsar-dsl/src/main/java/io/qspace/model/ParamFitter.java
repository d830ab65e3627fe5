package io.qspace.model;

import java.io.Serializable;

/**
 * A model-building algorithm that reads its parameters: {@code (x, y, seed, p) -> model}, with {@code p} one point of
 * the builder's {@link ParamGrid}, e.g. {@code p.getDouble("lambda")}. Serialisable, so a lambda can travel to a grid.
 */
@FunctionalInterface
public interface ParamFitter extends Serializable {
    Model fit(double[][] x, double[] y, long seed, Params p);
}
