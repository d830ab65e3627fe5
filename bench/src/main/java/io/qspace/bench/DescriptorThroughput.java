package io.qspace.bench;

import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.DescriptorSet;
import io.qspace.chem.Descriptors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Descriptor throughput, SMILES to values: molecules per CPU-second per core (per-thread CPU time of the descriptor
 * worker threads, ThreadMXBean, so other engineers' load on the shared box counts as little as it can), number of
 * values and number varying across the molecules. Writes bench/results/descriptor-throughput.json.
 *
 * <p>Usage: DescriptorThroughput [csv with a "smiles" column] [--per-class]
 */
public final class DescriptorThroughput {
    private static final Path DEFAULT_DATA = Path.of("/work/shared/datasets/moleculeace/CHEMBL204_Ki.csv");

    public static void main(String[] args) throws Exception {
        boolean perClass = List.of(args).contains("--per-class");
        Path data = args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0]) : findData();
        if (data == null) {
            System.out.println("{\"skipped\": \"no dataset: neither " + DEFAULT_DATA + " nor datasets-sample/*.csv\"}");
            return;
        }
        List<String> smiles = readSmiles(data);
        List<String> first200 = smiles.subList(0, Math.min(200, smiles.size()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Warm-up: class loading and JIT would otherwise be charged to the first set.
            Descriptors.cdkDefault().calculate(first200, pool);
            Descriptors.ecfp4().calculate(first200, pool);

            List<String> results = new ArrayList<>();
            results.add(measure("cdkDefault", Descriptors.cdkDefault(), smiles, pool));
            results.add(measure("ecfp4", Descriptors.ecfp4(), smiles, pool));
            results.add(measure("cdkFull", Descriptors.cdkFull(), first200, pool));
            String perClassJson = perClass ? ", \"per_class_us_per_molecule\": " + perClass(first200, pool) : "";
            String json = String.format(Locale.ROOT,
                    "{\"dataset\": \"%s\", \"molecules\": %d, \"cpus\": %d, \"timing\": \"per-thread CPU time of "
                            + "descriptor worker threads (ThreadMXBean); shared box\", \"sets\": [%n  %s]%s}%n",
                    data.getFileName(), smiles.size(), Runtime.getRuntime().availableProcessors(),
                    String.join(",\n  ", results), perClassJson);
            System.out.print(json);
            Path out = Path.of("bench/results/descriptor-throughput.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
        } finally {
            pool.shutdown();
        }
    }

    private static String measure(String label, DescriptorSet set, List<String> smiles, ExecutorService pool) {
        long cpu0 = Descriptors.workerCpuNanos(), wall0 = System.nanoTime();
        DescriptorMatrix m = set.calculate(smiles, pool);
        double cpuSeconds = (Descriptors.workerCpuNanos() - cpu0) / 1e9, wallSeconds = (System.nanoTime() - wall0) / 1e9;
        return String.format(Locale.ROOT,
                "{\"set\": \"%s\", \"describe\": \"%s\", \"molecules\": %d, \"cpu_seconds\": %.3f, "
                        + "\"wall_seconds\": %.3f, \"molecules_per_cpu_second\": %.1f, \"values\": %d, "
                        + "\"varying\": %d, \"failures\": %d}",
                label, set.describe(), smiles.size(), cpuSeconds, wallSeconds, smiles.size() / cpuSeconds,
                m.columns(), m.varyingColumns(), m.failures().size());
    }

    /** CPU microseconds per molecule for each CDK class alone, minus parsing alone; plus own chi. */
    private static String perClass(List<String> smiles, ExecutorService pool) {
        double parse = cpuPerMolecule(Descriptors.cdk(), smiles, pool);
        Map<String, Double> costs = new LinkedHashMap<>();
        costs.put("parse+prepare", parse);
        costs.put("KierHallChi(own)", cpuPerMolecule(Descriptors.chi(), smiles, pool) - parse);
        for (String c : Descriptors.cdkClasses().stream().filter(c -> !c.startsWith("Chi")).toList()) {
            costs.put(c, cpuPerMolecule(Descriptors.cdk(c), smiles, pool) - parse);
        }
        List<String> parts = new ArrayList<>();
        costs.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "\"%s\": %.0f", k, v)));
        return "{" + String.join(", ", parts) + "}";
    }

    private static double cpuPerMolecule(DescriptorSet set, List<String> smiles, ExecutorService pool) {
        long cpu0 = Descriptors.workerCpuNanos();
        set.calculate(smiles, pool);
        return (Descriptors.workerCpuNanos() - cpu0) / 1e3 / smiles.size();
    }

    private static Path findData() throws IOException {
        if (Files.exists(DEFAULT_DATA)) return DEFAULT_DATA;
        System.err.println("skipping " + DEFAULT_DATA + ": absent; falling back to datasets-sample");
        Path sample = Path.of("datasets-sample");
        if (!Files.isDirectory(sample)) return null;
        try (var files = Files.list(sample)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst().orElse(null);
        }
    }

    /** The "smiles" column of a CSV whose SMILES contain no commas or quotes (true of the MoleculeACE files). */
    static List<String> readSmiles(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        int col = 0;
        while (col < header.length && !header[col].trim().equalsIgnoreCase("smiles")) col++;
        if (col == header.length) throw new IOException("no smiles column in " + csv);
        List<String> smiles = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > col && !f[col].isBlank()) smiles.add(f[col].trim());
        }
        return smiles;
    }
}
