package io.qspace.select;

import java.io.Serializable;
import java.util.List;

/**
 * A named choice of descriptor columns that models are built on, e.g. "top20-correlated".
 *
 * @param name    name shown in results; unique within a dataset
 * @param columns indices into the descriptor matrix, ascending
 * @param names   the column names, in the same order
 */
public record FeatureSet(String name, int[] columns, List<String> names) implements Serializable {
    public FeatureSet {
        names = List.copyOf(names);
    }

    public int size() {
        return columns.length;
    }
}
