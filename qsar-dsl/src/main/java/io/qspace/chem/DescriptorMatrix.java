package io.qspace.chem;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Descriptor values for a list of molecules: one row per molecule, one column per descriptor value.
 * A value that could not be computed is NaN, and {@link #failures()} says why.
 *
 * @param names    column names, unique, e.g. "ALogP", "ChiPath.SP-3", "ECFP4.1234"
 * @param values   values[row][column]
 * @param blocks   named column ranges [from, to) such as "descriptors" and "ecfp4", so selectors can tell
 *                 physico-chemical descriptors from fingerprint bits
 * @param failures values that came back missing, with the reason, for the record
 */
public record DescriptorMatrix(List<String> names, double[][] values, Map<String, int[]> blocks,
                               List<Failure> failures) implements Serializable {
    public DescriptorMatrix {
        names = List.copyOf(names);
        blocks = Map.copyOf(blocks);
        failures = List.copyOf(failures);
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return names.size();
    }

    /** One missing value (or a whole failed class on one molecule): row, descriptor class or column, reason. */
    public record Failure(int row, String descriptor, String reason) implements Serializable {}
}
