package io.qspace.model;

import java.io.Serializable;
import java.util.List;

/**
 * A model-building algorithm with its parameters, in the spirit of scikit-learn's estimators: parameters are data,
 * {@link #fit} returns a new {@link Model} and leaves the builder untouched, {@link #grid()} lists the parameter
 * points to search, and {@link #toString()} prints the builder with its parameters.
 *
 * <p>The parameters are typed values ({@link Params}) and the search space is a {@link ParamGrid}, kept apart from
 * the algorithm. A user adds a builder by wrapping a function with {@link #of(String, ParamGrid, ParamFitter)}; it is
 * then cross-validated over its grid like the built-in ones:
 * <pre>{@code
 * ModelBuilder.of("ridge", ParamGrid.of("lambda", 0.01, 0.1, 1, 10),
 *         (x, y, seed, p) -> fitRidge(x, y, p.getDouble("lambda")))
 * }</pre>
 */
public interface ModelBuilder extends Serializable {
    /** Short name shown in results, e.g. "rf", "pls", "svr". */
    String name();

    /** The values this builder searches: one per parameter for a single point, several for a grid. */
    default ParamGrid paramGrid() {
        return ParamGrid.none();
    }

    /** This point's parameters as typed values; a grid has no single point: read or fit one of {@link #grid()}. */
    default Params params() {
        return paramGrid().point(name());
    }

    /** Every parameter point this builder searches; a builder without a grid returns itself. */
    default List<ModelBuilder> grid() {
        return List.of(this);
    }

    /** Fits a model to the rows x and activities y; all randomness comes from seed. */
    Model fit(double[][] x, double[] y, long seed);

    /**
     * This builder's binary classification counterpart, used for datasets with classes: fitted to classes 0 and 1,
     * its model predicts the probability of class 1. By default the builder itself with its prediction clipped to
     * [0, 1] ({@link ClippedClassifier}); built-in builders whose loss should change (boosting, MLP, SVM, linear
     * regression to logistic regression) return their classifier.
     */
    default ModelBuilder classifier() {
        return new ClippedClassifier(name(), this);
    }

    /**
     * The object whose class holds this builder's algorithm, for telling versions of user code apart: the builder
     * itself, or the function a builder was made from.
     */
    default Object code() {
        return this;
    }

    /** A builder from a name and a fitting function, without parameters. */
    static ModelBuilder of(String name, Fitter fitter) {
        return new FunctionBuilder(name, ParamGrid.none(), fitter);
    }

    /**
     * A builder from a name, fixed parameters (printed with it and part of its identity) and a fitting function.
     * An unordered map (Map.of, HashMap) is put in name order: its own order changes from one JVM to the next.
     */
    static ModelBuilder of(String name, java.util.Map<String, ?> parameters, Fitter fitter) {
        java.util.Map<String, ?> ordered = parameters instanceof java.util.LinkedHashMap
                || parameters instanceof java.util.SortedMap ? parameters : new java.util.TreeMap<>(parameters);
        ParamGrid grid = ParamGrid.none();
        for (java.util.Map.Entry<String, ?> e : ordered.entrySet()) {
            grid = grid.and(e.getKey(), e.getValue());
        }
        return new FunctionBuilder(name, grid, fitter);
    }

    /**
     * A builder from a name, its parameter grid and a fitting function that reads one point of it: cross-validation
     * tries every point and keeps the one with the lowest CV RMSE.
     */
    static ModelBuilder of(String name, ParamGrid grid, ParamFitter fitter) {
        return new FunctionBuilder(name, grid, fitter);
    }
}
