package io.qspace.chem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Two sets side by side: the columns of the first, then the second; blocks of the second shifted right. */
record CombinedDescriptorSet(DescriptorSet first, DescriptorSet second) implements DescriptorSet {
    @Override
    public DescriptorMatrix calculate(List<String> smiles, ExecutorService pool) {
        DescriptorMatrix a = first.calculate(smiles, pool), b = second.calculate(smiles, pool);
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        double[][] values = new double[smiles.size()][];
        for (int r = 0; r < values.length; r++) {
            double[] row = new double[names.size()];
            System.arraycopy(a.values()[r], 0, row, 0, a.columns());
            System.arraycopy(b.values()[r], 0, row, a.columns(), b.columns());
            values[r] = row;
        }
        Map<String, int[]> blocks = new LinkedHashMap<>(a.blocks());
        b.blocks().forEach((name, range) -> {
            if (blocks.containsKey(name)) throw new IllegalArgumentException("block " + name + " appears twice");
            blocks.put(name, new int[]{range[0] + a.columns(), range[1] + a.columns()});
        });
        List<DescriptorMatrix.Failure> failures = new ArrayList<>(a.failures());
        failures.addAll(b.failures());
        failures.sort(Comparator.comparingInt(DescriptorMatrix.Failure::row)); // stable: a's failures first per row
        return new DescriptorMatrix(names, values, blocks, failures);
    }

    @Override
    public String describe() { return first.describe() + "+" + second.describe(); }

    @Override
    public String toString() { return describe(); }
}
