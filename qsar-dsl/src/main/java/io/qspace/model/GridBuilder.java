package io.qspace.model;

import java.util.List;
import java.util.Objects;

/**
 * The shared mechanics of builders with a {@link ParamGrid}: the grid's points are builders of the same kind, each
 * fitting with its typed {@link Params}. Parameters are plain data, so two builders with the same values are equal,
 * hash alike, print alike and serialise.
 */
public abstract class GridBuilder implements ModelBuilder {
    private static final long serialVersionUID = 2L;

    private final String name;
    private final ParamGrid grid;

    protected GridBuilder(String name, ParamGrid grid) {
        this.name = Objects.requireNonNull(name);
        this.grid = Objects.requireNonNull(grid);
    }

    /** A builder of the same kind over other values; keeps builders immutable. */
    protected abstract GridBuilder create(ParamGrid grid);

    /** Fits one parameter point; x and y have already been checked. */
    protected abstract Model fitPoint(double[][] x, double[] y, long seed, Params p);

    /** A copy of this builder with one parameter's values replaced (a grid if more than one). */
    protected final GridBuilder with(String key, Object... newValues) {
        if (!grid.has(key)) {
            throw new IllegalArgumentException(name + " has no parameter " + key);
        }
        return create(grid.with(key, newValues));
    }

    /**
     * The classifier of a builder whose loss becomes the logistic one (boosting, MLP): its grid with loss=logistic
     * and class weights ("auto" unless set); itself when it is one already.
     */
    protected final ModelBuilder logisticClassifier() {
        if (grid.has("loss")) {
            return this;
        }
        return create(grid.with("loss", "logistic").with("classWeight",
                grid.has("classWeight") ? grid.values("classWeight").toArray() : new Object[] {"auto"}));
    }

    /**
     * The classifier of a builder whose prediction is already a class fraction (forest and tree leaves with squared
     * error on classes 0 and 1, which is the Gini criterion): its grid with criterion=gini and class weights ("auto"
     * unless set), its prediction clipped to [0, 1].
     */
    protected final ModelBuilder giniClassifier() {
        if (grid.has("criterion")) {
            return new ClippedClassifier(name, this);
        }
        return new ClippedClassifier(name, create(grid.with("criterion", "gini").with("classWeight",
                grid.has("classWeight") ? grid.values("classWeight").toArray() : new Object[] {"auto"})));
    }

    /**
     * The per-compound class weights of a point fitted as a classifier (logistic loss or Gini criterion) of classes y,
     * or null: none asked for, none needed ("auto" on balanced classes), or a regression.
     */
    protected static double[] classWeights(Params p, double[] y) {
        boolean classifier = logistic(p) || (p.has("criterion") && p.getString("criterion").equals("gini"));
        return classifier && p.has("classWeight") ? ClassWeights.of(p.getString("classWeight"), y) : null;
    }

    /** A copy with class weights for its classifier: "auto", "balanced" or "none" ({@link ClassWeights}). */
    protected final GridBuilder withClassWeight(String... modes) {
        return create(grid.with("classWeight", ClassWeights.checked(name, modes)));
    }

    /** Whether a point fits the logistic loss (a classifier made by {@link #logisticClassifier()}). */
    protected static boolean logistic(Params p) {
        return p.has("loss") && p.getString("loss").equals("logistic");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParamGrid paramGrid() {
        return grid;
    }

    /** True when every parameter has exactly one value, so the builder can fit. */
    public final boolean isPoint() {
        return grid.isPoint();
    }

    /** Every point of the grid as a builder of the same kind; the first parameter varies slowest. */
    @Override
    public final List<ModelBuilder> grid() {
        if (isPoint()) {
            return List.of(this);
        }
        return grid.points(name).stream().map(p -> (ModelBuilder) create(ParamGrid.of(p))).toList();
    }

    @Override
    public final Model fit(double[][] x, double[] y, long seed) {
        if (!isPoint()) {
            throw new IllegalStateException(this + " is a grid: fit one of its grid() points");
        }
        Inputs.check(name, x, y);
        return fitPoint(x, y, seed, params());
    }

    /**
     * Training-row limits to try (e.g. {@code exactUpTo}), boxed for the grid: an error naming this builder and the
     * parameter when one is below 1.
     */
    protected Object[] rowLimits(String parameter, int... rows) {
        for (int r : rows) {
            if (r < 1) {
                throw new IllegalArgumentException(name + ": " + parameter + " must be at least 1 training row, got "
                        + r);
            }
        }
        return boxed(rows);
    }

    protected static Object[] boxed(int... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    protected static Object[] boxed(double... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && name.equals(((GridBuilder) other).name)
                && grid.equals(((GridBuilder) other).grid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getName(), name, grid);
    }

    @Override
    public final String toString() {
        return name + "(" + grid + ")";
    }
}
