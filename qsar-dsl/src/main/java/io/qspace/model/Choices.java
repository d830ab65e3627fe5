package io.qspace.model;

import java.util.List;

/** A text parameter that takes one of a few named values (a kernel, a class weighting, a prior mean), checked. */
final class Choices {
    private Choices() {}

    /** The values a setter was given, each one of allowed, else an error naming the builder, parameter and choices. */
    static Object[] checked(String builder, String parameter, List<String> allowed, String... values) {
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(builder + ": " + parameter + " is "
                        + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                        + allowed.get(allowed.size() - 1) + ", got " + v);
            }
        }
        return values;
    }
}
