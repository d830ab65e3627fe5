package io.qspace.model;

import java.io.Serializable;

/** The one method a model-building algorithm must have; serialisable, so a lambda can travel to a grid. */
@FunctionalInterface
public interface Fitter extends Serializable {
    Model fit(double[][] x, double[] y, long seed);
}
