package io.qspace.model;

import java.io.Serializable;

/** A fitted regression model: the result of {@link ModelBuilder#fit}. Stored and shipped by Java serialisation. */
@FunctionalInterface
public interface Model extends Serializable {
    double predict(double[] x);

    default double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }
}
