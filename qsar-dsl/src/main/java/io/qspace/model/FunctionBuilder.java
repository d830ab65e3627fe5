package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A builder made from a function: what {@link ModelBuilder#of} returns. */
record FunctionBuilder(String name, Map<String, Object> parameters, Fitter fitter) implements ModelBuilder {
    FunctionBuilder {
        // Map.of and HashMap iterate in an order that changes from one JVM to the next; the printed parameters are
        // part of the builder's identity, so unordered maps are put in name order (ordered ones keep theirs)
        parameters = parameters instanceof LinkedHashMap || parameters instanceof java.util.SortedMap
                ? new LinkedHashMap<>(parameters) : new LinkedHashMap<>(new java.util.TreeMap<>(parameters));
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        return fitter.fit(x, y, seed);
    }

    @Override
    public Object code() {
        return fitter;
    }

    @Override
    public String toString() {
        return name + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
