package io.qspace.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A model-building algorithm with its parameters, in the spirit of scikit-learn's estimators: parameters are data,
 * {@link #fit} returns a new {@link Model} and leaves the builder untouched, {@link #grid()} lists the parameter
 * points to search, and {@link #toString()} prints the builder with its parameters.
 *
 * <p>A user adds a builder by implementing {@link Fitter} (a lambda will do) and wrapping it with
 * {@link #of(String, Fitter)}; it then runs like the built-in ones.
 */
public interface ModelBuilder extends Serializable {
    /** Short name shown in results, e.g. "rf", "pls", "svr". */
    String name();

    /** The parameters of this point, in a stable order; values are numbers, strings or booleans. */
    Map<String, Object> parameters();

    /** Every parameter point this builder searches; a builder without a grid returns itself. */
    default List<ModelBuilder> grid() {
        return List.of(this);
    }

    /** Fits a model to the rows x and activities y; all randomness comes from seed. */
    Model fit(double[][] x, double[] y, long seed);

    /**
     * The object whose class holds this builder's algorithm, for telling versions of user code apart: the builder
     * itself, or the function a builder was made from.
     */
    default Object code() {
        return this;
    }

    /** A builder from a name and a fitting function, without parameters or grid. */
    static ModelBuilder of(String name, Fitter fitter) {
        return new FunctionBuilder(name, Map.of(), fitter);
    }

    /** A builder from a name, its parameters (for printing and hashing) and a fitting function. */
    static ModelBuilder of(String name, Map<String, Object> parameters, Fitter fitter) {
        return new FunctionBuilder(name, parameters, fitter);
    }
}
