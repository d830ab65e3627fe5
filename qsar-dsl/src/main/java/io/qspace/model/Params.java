package io.qspace.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One point of a builder's parameters: named values in a fixed order, each a whole number, a decimal number, text or
 * true/false, read back typed ({@code p.getDouble("lambda")}, {@code p.getInt("k")}). Asking for a name the builder
 * does not have, or for the wrong type, fails with a message naming the parameter and the builder. The search space
 * of several points is a {@link ParamGrid}.
 */
public final class Params implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String builder;
    private final LinkedHashMap<String, Object> values;

    Params(String builder, Map<String, Object> values) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.values = new LinkedHashMap<>();
        values.forEach((name, value) -> this.values.put(name, ParamGrid.checked(builder, name, value)));
    }

    /** The name of the builder these parameters belong to. */
    public String builder() {
        return builder;
    }

    /** Parameter names in their order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value as stored: an Integer, Long, Double, String or Boolean. */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(builder + " has no parameter '" + name + "'"
                    + (values.isEmpty() ? "; it has none" : "; its parameters are " + String.join(", ", values.keySet())));
        }
        return value;
    }

    /** A whole-number parameter. */
    public int getInt(String name) {
        Object value = get(name);
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
        }
        throw wrongType(name, value, "a whole number");
    }

    /** A number; whole numbers are read as decimals too. */
    public double getDouble(String name) {
        Object value = get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, value, "a number");
    }

    public String getString(String name) {
        Object value = get(name);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(name, value, "text");
    }

    public boolean getBoolean(String name) {
        Object value = get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, value, "true or false");
    }

    private IllegalArgumentException wrongType(String name, Object value, String wanted) {
        Kind kind = Kind.of(value);
        return new IllegalArgumentException(builder + ": parameter '" + name + "' is " + kind.description + " ("
                + format(value) + "), not " + wanted + ": read it with " + kind.getter + "(\"" + name + "\")");
    }

    /** The kinds of value a parameter holds, as a message names them, and the getter that reads each. */
    private enum Kind {
        WHOLE("a whole number", "getInt"), DECIMAL("a decimal number", "getDouble"), TEXT("text", "getString"),
        TRUTH("true or false", "getBoolean");

        final String description;
        final String getter;

        Kind(String description, String getter) {
            this.description = description;
            this.getter = getter;
        }

        static Kind of(Object value) {
            if (value instanceof Integer || value instanceof Long) {
                return WHOLE;
            }
            if (value instanceof Double) {
                return DECIMAL;
            }
            return value instanceof Boolean ? TRUTH : TEXT;
        }
    }

    /** The values by name, in order (a copy). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** "k=v; k=v" with decimals to 4 significant digits (1/3 as 0.3333): the results table's parameters column. */
    public String readable() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + readable(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /**
     * Parameters read back from their {@link #readable()} text, for models stored before parameters were kept typed:
     * whole numbers as whole numbers, decimals to the 4 digits the text kept.
     */
    public static Params parse(String builder, String readable) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        if (readable != null && !readable.isBlank()) {
            for (String part : readable.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(builder + ": cannot read parameter '" + part.strip()
                            + "' of '" + readable + "': expected name=value");
                }
                values.put(part.substring(0, eq).strip(), parseValue(part.substring(eq + 1).strip()));
            }
        }
        return new Params(builder, values);
    }

    private static Object parseValue(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notInt) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    private static String readable(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Whole decimals print as integers ("C=10", not "C=10.0") so builders read like the Python baseline. */
    static String format(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Params p && builder.equals(p.builder) && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(builder, values);
    }

    /** "k=v, k=v", every digit kept: the text that identifies a builder point. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
