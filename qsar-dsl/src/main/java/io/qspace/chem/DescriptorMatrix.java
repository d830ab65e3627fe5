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

    /** Columns in [from, to) with at least two distinct non-missing values: the ones that can inform a model. */
    public int varyingColumns(int from, int to) {
        int count = 0;
        for (int c = from; c < to; c++) {
            double first = Double.NaN;
            for (double[] row : values) {
                double v = row[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Varying columns of the whole matrix. */
    public int varyingColumns() {
        return varyingColumns(0, columns());
    }

    /** One missing value (or a whole failed class on one molecule): row, descriptor class or column, reason. */
    public record Failure(int row, String descriptor, String reason) implements Serializable {}
}
