package io.qspace.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The values a builder's parameters are searched over, kept apart from the algorithm: each parameter has one value or
 * several, and the grid's points are every combination (the first parameter varies slowest). A grid of one point is
 * a builder's plain parameters.
 *
 * <pre>{@code
 * ParamGrid.of("lambda", 0.01, 0.1, 1, 10)              // 4 points
 * ParamGrid.of("k", 3, 5).and("weights", "distance")    // 2 points
 * }</pre>
 *
 * Values are whole numbers, decimals, text or true/false; a parameter given both whole and decimal numbers keeps
 * them all as decimals, so {@code getDouble} and {@code get} agree across its points.
 */
public final class ParamGrid implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ParamGrid NONE = new ParamGrid(new LinkedHashMap<>());

    private final LinkedHashMap<String, List<Object>> values;

    private ParamGrid(LinkedHashMap<String, List<Object>> values) {
        this.values = values;
    }

    /** No parameters: a grid of one empty point. */
    public static ParamGrid none() {
        return NONE;
    }

    /** One parameter and the values to try. */
    public static ParamGrid of(String name, Object... values) {
        return NONE.and(name, values);
    }

    /** A grid of one point: these parameters. */
    public static ParamGrid of(Params point) {
        ParamGrid grid = NONE;
        for (Map.Entry<String, Object> e : point.asMap().entrySet()) {
            grid = grid.and(e.getKey(), e.getValue());
        }
        return grid;
    }

    /** This grid with one more parameter. */
    public ParamGrid and(String name, Object... values) {
        Objects.requireNonNull(name, "parameter name");
        if (this.values.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is in the grid already: give all its values"
                    + " at once, e.g. ParamGrid.of(\"" + name + "\", 1, 10)");
        }
        return put(name, values);
    }

    /** This grid with one parameter's values replaced (added if absent), e.g. by a builder's fluent setter. */
    public ParamGrid with(String name, Object... values) {
        return put(Objects.requireNonNull(name, "parameter name"), values);
    }

    private ParamGrid put(String name, Object[] newValues) {
        if (name.isBlank() || name.contains("=") || name.contains(";") || name.contains(",")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be non-blank, without = ; or ,");
        }
        if (newValues == null || newValues.length == 0) {
            throw new IllegalArgumentException("parameter '" + name + "' needs at least one value");
        }
        LinkedHashMap<String, List<Object>> copy = new LinkedHashMap<>(values);
        copy.put(name, normalised(name, newValues));
        return new ParamGrid(copy);
    }

    /** Checks and widens one parameter's values: numbers of mixed kinds all become decimals. */
    private static List<Object> normalised(String name, Object[] values) {
        List<Object> out = new ArrayList<>();
        boolean anyDecimal = false;
        for (Object value : values) {
            Object v = checked("grid", name, value);
            anyDecimal |= v instanceof Double;
            out.add(v);
        }
        if (anyDecimal) {
            out.replaceAll(v -> v instanceof Number n ? (Object) n.doubleValue() : v);
        }
        return List.copyOf(out);
    }

    /** One value as kept: Integer, Long, Double, String or Boolean (smaller numbers widened). */
    static Object checked(String builder, String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(builder + ": parameter '" + name + "' must be a finite number, got "
                        + d);
            }
            return d;
        }
        throw new IllegalArgumentException(builder + ": parameter '" + name + "' is "
                + (value == null ? "null" : "of type " + value.getClass().getSimpleName())
                + "; parameters are whole numbers, decimals, text or true/false");
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The values tried for one parameter. */
    public List<Object> values(String name) {
        List<Object> list = values.get(name);
        if (list == null) {
            throw new IllegalArgumentException("the grid has no parameter '" + name + "'; it has "
                    + (values.isEmpty() ? "none" : String.join(", ", values.keySet())));
        }
        return list;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** True when every parameter has exactly one value. */
    public boolean isPoint() {
        return values.values().stream().allMatch(list -> list.size() == 1);
    }

    /** The number of points. */
    public int size() {
        return values.values().stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
    }

    /** Every combination of values, the first parameter varying slowest, as the parameters of the named builder. */
    public List<Params> points(String builder) {
        List<LinkedHashMap<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> entry : values.entrySet()) {
            List<LinkedHashMap<String, Object>> next = new ArrayList<>();
            for (LinkedHashMap<String, Object> partial : points) {
                for (Object value : entry.getValue()) {
                    LinkedHashMap<String, Object> point = new LinkedHashMap<>(partial);
                    point.put(entry.getKey(), value);
                    next.add(point);
                }
            }
            points = next;
        }
        return points.stream().map(p -> new Params(builder, p)).toList();
    }

    /** The single point of this grid, as the named builder's parameters; a grid of several points has none. */
    public Params point(String builder) {
        if (!isPoint()) {
            throw new IllegalStateException(builder + "(" + this + ") is a grid of " + size()
                    + " points, not one point: take one of its grid()");
        }
        return points(builder).get(0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParamGrid g && values.equals(g.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** "k=v, k=[a, b]", every digit kept: part of the identity of a builder. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().size() == 1 ? Params.format(e.getValue().get(0))
                        : e.getValue().stream().map(Params::format).collect(Collectors.joining(", ", "[", "]"))))
                .collect(Collectors.joining(", "));
    }
}
