package io.qspace.chem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A list of descriptor components computed per molecule into one named block of columns. Holds only strings and
 * numbers: instances are built inside each task, so no CDK object is shared between threads.
 */
final class MoleculeDescriptorSet implements DescriptorSet {
    private static final long serialVersionUID = 1L;
    /** Molecules per task: enough to pay for the task and its worker thread, small enough to balance two cores. */
    static final int CHUNK = 32;

    private final String description;
    private final String block;
    private final List<String> specs;
    private final long timeLimitMillis;

    MoleculeDescriptorSet(String description, String block, List<String> specs, long timeLimitMillis) {
        if (timeLimitMillis <= 0) throw new IllegalArgumentException("time limit must be positive");
        this.description = description;
        this.block = block;
        this.specs = List.copyOf(specs);
        this.timeLimitMillis = timeLimitMillis;
    }

    /** The same set with another per-molecule, per-class time limit (the limit is not part of describe()). */
    MoleculeDescriptorSet withTimeLimit(long millis) {
        return new MoleculeDescriptorSet(description, block, specs, millis);
    }

    List<String> specs() { return specs; }

    @Override
    public String describe() { return description; }

    @Override
    public String toString() { return describe(); }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (MoleculeDescriptor d : Components.createAll(specs)) names.addAll(List.of(d.columns()));
        return names;
    }

    @Override
    public DescriptorMatrix calculate(List<String> smiles, ExecutorService pool) {
        List<String> names = columnNames();
        double[][] values = new double[smiles.size()][];
        List<DescriptorMatrix.Failure> failures = inChunks(smiles.size(), pool,
                (from, to) -> chunk(smiles, from, to, values));
        return new DescriptorMatrix(names, values, Map.of(block, new int[]{0, names.size()}), failures);
    }

    /** Rows from..to of a calculation, writing their values and returning their failures. */
    interface Chunk {
        List<DescriptorMatrix.Failure> run(int from, int to) throws Exception;
    }

    /**
     * Runs a calculation over the rows in chunks of {@link #CHUNK} on the pool (in this thread when it is null);
     * failures come back in row order, so results do not depend on the pool.
     */
    static List<DescriptorMatrix.Failure> inChunks(int rows, ExecutorService pool, Chunk chunk) {
        List<DescriptorMatrix.Failure> failures = new ArrayList<>();
        List<Future<List<DescriptorMatrix.Failure>>> tasks = new ArrayList<>();
        for (int start = 0; start < rows; start += CHUNK) {
            int from = start, to = Math.min(rows, start + CHUNK);
            if (pool == null) {
                try {
                    failures.addAll(chunk.run(from, to));
                } catch (Exception e) {
                    throw new IllegalStateException("descriptor task failed", e);
                }
            } else {
                tasks.add(pool.submit(() -> chunk.run(from, to)));
            }
        }
        for (Future<List<DescriptorMatrix.Failure>> task : tasks) {
            try {
                failures.addAll(task.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("descriptor calculation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("descriptor task failed", e.getCause());
            }
        }
        failures.sort(Comparator.comparingInt(DescriptorMatrix.Failure::row));
        return failures;
    }

    private List<DescriptorMatrix.Failure> chunk(List<String> smiles, int from, int to, double[][] values) {
        List<DescriptorMatrix.Failure> failures = new ArrayList<>();
        try (GuardedCalculator calculator = new GuardedCalculator(specs, timeLimitMillis)) {
            for (int row = from; row < to; row++) values[row] = calculator.row(row, smiles.get(row), failures);
        }
        return failures;
    }
}
