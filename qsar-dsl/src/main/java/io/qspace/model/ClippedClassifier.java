package io.qspace.model;

import java.util.List;

/**
 * A regression builder used as a binary classifier: fitted to the classes 0 and 1, its prediction clipped to [0, 1]
 * is the probability of class 1. Right as it is for builders whose prediction is already a class fraction (random
 * forest and tree leaves with squared error, since a node's variance p(1 - p) is half its Gini impurity; kNN's
 * neighbour fraction), and PLS-DA; the default counterpart of any builder, a user's one-lambda builder included.
 */
public record ClippedClassifier(String name, ModelBuilder regression) implements ModelBuilder {

    @Override
    public ParamGrid paramGrid() {
        return regression.paramGrid();
    }

    @Override
    public Params params() {
        return regression.params();
    }

    @Override
    public List<ModelBuilder> grid() {
        List<ModelBuilder> points = regression.grid();
        if (points.size() == 1 && points.get(0) == regression) {
            return List.of(this);
        }
        return points.stream().map(p -> (ModelBuilder) new ClippedClassifier(name, p)).toList();
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        Model model = regression.fit(x, y, seed);
        return new Clipped(model);
    }

    @Override
    public ModelBuilder classifier() {
        return this;
    }

    @Override
    public Object code() {
        return regression.code();
    }

    @Override
    public String toString() {
        String inner = regression.toString();
        return name.equals(regression.name()) ? inner
                : inner.startsWith(regression.name()) ? name + inner.substring(regression.name().length())
                : name + "(" + inner + ")";
    }

    /** The regression model's prediction held to [0, 1]. */
    record Clipped(Model regression) implements Model, Approximation {
        @Override
        public double predict(double[] x) {
            double p = regression.predict(x);
            return Double.isNaN(p) ? p : Math.min(1, Math.max(0, p));
        }

        /** The regression's approximation, when it was fitted by one. */
        @Override
        public String approximation() {
            return regression instanceof Approximation a ? a.approximation() : "";
        }
    }
}
