package io.qspace.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shared mechanics of the built-in builders: every parameter holds a list of values; a list of one value is a
 * point, longer lists make a grid. Parameters are plain data, so two builders with the same values are equal,
 * hash alike, print alike and serialise.
 */
public abstract class GridBuilder implements ModelBuilder {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final LinkedHashMap<String, List<Object>> values;

    protected GridBuilder(String name, Map<String, List<Object>> values) {
        this.name = Objects.requireNonNull(name);
        this.values = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            if (list.isEmpty()) {
                throw new IllegalArgumentException(name + ": parameter " + key + " needs at least one value");
            }
            this.values.put(key, List.copyOf(list));
        });
    }

    /** A builder of the same kind with other values; keeps builders immutable. */
    protected abstract GridBuilder create(Map<String, List<Object>> values);

    /** Fits one parameter point; x and y have already been checked. */
    protected abstract Model fitPoint(double[][] x, double[] y, long seed);

    /** A copy of this builder with one parameter replaced by the given values (a grid if more than one). */
    protected final GridBuilder with(String key, Object... newValues) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(name + " has no parameter " + key);
        }
        LinkedHashMap<String, List<Object>> copy = new LinkedHashMap<>(values);
        copy.put(key, List.of(newValues));
        return create(copy);
    }

    @Override
    public final String name() {
        return name;
    }

    /** True when every parameter has exactly one value, so the builder can fit. */
    public final boolean isPoint() {
        return values.values().stream().allMatch(list -> list.size() == 1);
    }

    @Override
    public final Map<String, Object> parameters() {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, list) -> out.put(key, list.size() == 1 ? list.get(0) : list));
        return out;
    }

    /** The Cartesian product of the parameter lists; the first parameter varies slowest. */
    @Override
    public final List<ModelBuilder> grid() {
        if (isPoint()) {
            return List.of(this);
        }
        List<LinkedHashMap<String, List<Object>>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> entry : values.entrySet()) {
            List<LinkedHashMap<String, List<Object>>> next = new ArrayList<>();
            for (LinkedHashMap<String, List<Object>> partial : points) {
                for (Object value : entry.getValue()) {
                    LinkedHashMap<String, List<Object>> point = new LinkedHashMap<>(partial);
                    point.put(entry.getKey(), List.of(value));
                    next.add(point);
                }
            }
            points = next;
        }
        return points.stream().map(p -> (ModelBuilder) create(p)).toList();
    }

    @Override
    public final Model fit(double[][] x, double[] y, long seed) {
        if (!isPoint()) {
            throw new IllegalStateException(this + " is a grid: fit one of its grid() points");
        }
        Inputs.check(name, x, y);
        return fitPoint(x, y, seed);
    }

    protected final Object value(String key) {
        List<Object> list = values.get(key);
        if (list == null) {
            throw new IllegalArgumentException(name + " has no parameter " + key);
        }
        return list.get(0);
    }

    protected final int intValue(String key) {
        return ((Number) value(key)).intValue();
    }

    protected final double doubleValue(String key) {
        return ((Number) value(key)).doubleValue();
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
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && values.equals(((GridBuilder) other).values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getName(), values);
    }

    @Override
    public final String toString() {
        return name + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().size() == 1 ? format(e.getValue().get(0))
                        : e.getValue().stream().map(GridBuilder::format).collect(Collectors.joining(", ", "[", "]"))))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    // Whole doubles print as integers ("C=10", not "C=10.0") so results read like the Python baseline.
    private static String format(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
