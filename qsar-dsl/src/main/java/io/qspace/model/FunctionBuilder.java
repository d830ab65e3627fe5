package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A builder made from a function: what {@link ModelBuilder#of} returns. */
record FunctionBuilder(String name, Map<String, Object> parameters, Fitter fitter) implements ModelBuilder {
    FunctionBuilder {
        parameters = new LinkedHashMap<>(parameters);
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
