package io.qspace.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * A descriptor set from a {@link MoleculeFunction}: its columns count as descriptors, molecules spread over the
 * pool in chunks; a molecule that does not parse or whose function throws gets NaN and a recorded failure.
 */
record FunctionDescriptorSet(String name, List<String> columns, MoleculeFunction function) implements DescriptorSet {
    FunctionDescriptorSet {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("descriptor set name '" + name + "' must be letters, digits, '.', "
                    + "'_' or '-'");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("descriptor set " + name + " has no columns");
        }
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return name + "(" + String.join(",", columns) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public DescriptorMatrix calculate(List<String> smiles, ExecutorService pool) {
        double[][] values = new double[smiles.size()][];
        List<DescriptorMatrix.Failure> failures = MoleculeDescriptorSet.inChunks(smiles.size(), pool,
                (from, to) -> chunk(smiles, from, to, values));
        // in no block: the columns are filtered and selected as descriptors (blocks mark fingerprint bits)
        return new DescriptorMatrix(columns, values, Map.of(), failures);
    }

    private List<DescriptorMatrix.Failure> chunk(List<String> smiles, int from, int to, double[][] values) {
        List<DescriptorMatrix.Failure> failures = new ArrayList<>();
        for (int row = from; row < to; row++) {
            double[] out = new double[columns.size()];
            Arrays.fill(out, Double.NaN);
            IAtomContainer mol;
            try {
                mol = Molecules.parse(smiles.get(row));
            } catch (Exception e) {
                failures.add(new DescriptorMatrix.Failure(row, "SMILES", String.valueOf(e.getMessage())));
                values[row] = out;
                continue;
            }
            try {
                double[] v = function.compute(mol);
                if (v == null || v.length != columns.size()) {
                    failures.add(new DescriptorMatrix.Failure(row, name, "gave " + (v == null ? "null" : v.length
                            + " values") + " for " + columns.size() + " columns"));
                } else {
                    out = v.clone();
                }
            } catch (Exception | StackOverflowError e) {
                failures.add(new DescriptorMatrix.Failure(row, name, e.getClass().getSimpleName() + ": "
                        + e.getMessage()));
            }
            values[row] = out;
        }
        return failures;
    }
}
