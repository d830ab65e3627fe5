package io.qspace.bench;

import io.qspace.Study;
import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.Descriptors;
import io.qspace.data.Dataset;
import io.qspace.data.DatasetSource;
import io.qspace.data.Datasets;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tech.tablesaw.api.Table;

/**
 * qspace's side of the model-space benchmark: the default study (bench/MODEL_SPACE.md) on one MoleculeACE set with
 * its given split, timed in process CPU seconds from reading the file to the last test metric, plus the default
 * descriptors' throughput measured on its own. Writes the JSON shape that bench/python/compare.py reads.
 *
 * <pre>java ... io.qspace.bench.ModelSpaceBench DATA_DIR DATASET SEED OUT.json</pre>
 * One dataset per JVM, as the Python side runs one per process, so neither carries the other's warm-up.
 */
public final class ModelSpaceBench {
    private ModelSpaceBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String name = args[1];
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        DatasetSource source = Datasets.csv(data.resolve(name + ".csv").toString()).smiles("smiles")
                .activity("y [pEC50/pKi]").split("split");

        Map<String, Object> descriptors = descriptorThroughput(source);

        Path store = ScratchFolder.create("qspace-bench-");
        long cpu0 = processCpuNanos();
        Study study = Study.named("bench-" + name).datasets(source).seed(seed).store(store.toString())
                .descriptorSpace(); // the 56 cells of bench/MODEL_SPACE.md
        Plan plan = study.plan();
        Results results;
        try (EmbeddedRunner runner = new EmbeddedRunner()) {
            results = runner.submit(plan, ProgressListener.defaultListener()).await();
        }
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;

        Table t = results.table();
        Table ok = t.where(t.stringColumn("status").isEqualTo("ok"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("n_train", ok.intColumn("n_train").get(0));
        row.put("n_test", ok.intColumn("n_test").get(0));
        row.put("cpu_seconds", cpuSeconds);
        row.putAll(descriptors);
        row.put("models_fitted", (long) ok.intColumn("fits").sum());
        row.put("failed_invocations", results.failed());
        row.put("best", best(ok, null));
        List<Object> perBuilder = new ArrayList<>();
        for (String builder : ok.stringColumn("builder").unique().asList().stream().sorted().toList()) {
            Map<String, Object> b = best(ok, builder);
            b.put("seconds_wall_in_invocations", ok.where(ok.stringColumn("builder").isEqualTo(builder))
                    .doubleColumn("seconds").sum());
            perBuilder.add(b);
        }
        row.put("per_builder", perBuilder);
        System.out.println(write(out, row));
    }

    /** Writes one dataset's row as the benchmark JSON document (pipeline "qspace", this machine); returns the JSON. */
    static String write(Path out, Map<String, Object> row) throws java.io.IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pipeline", "qspace");
        doc.put("machine", Map.of("java", System.getProperty("java.version"), "cores",
                Runtime.getRuntime().availableProcessors(), "slots", EmbeddedRunner.DEFAULT_SLOTS));
        doc.put("datasets", List.of(row));
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = Json.write(doc);
        Files.writeString(out, json);
        return json;
    }

    /** The best model by CV RMSE, overall or for one builder. */
    static Map<String, Object> best(Table ok, String builder) {
        Table rows = builder == null ? ok : ok.where(ok.stringColumn("builder").isEqualTo(builder));
        Table sorted = rows.sortOn("cv_rmse");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("feature_set", sorted.stringColumn("feature_set").get(0));
        b.put("builder", sorted.stringColumn("builder").get(0));
        b.put("params", sorted.stringColumn("parameters").get(0));
        b.put("cv_rmse", sorted.doubleColumn("cv_rmse").get(0));
        b.put("test_rmse", sorted.doubleColumn("test_rmse").get(0));
        return b;
    }

    /**
     * Default descriptors on every molecule with one worker thread, per-thread CPU time, after a warm-up pass over
     * the first 200 molecules: steady-state throughput, as a study's later datasets see it (the JIT's first minutes
     * are in cpu_seconds anyway).
     */
    private static Map<String, Object> descriptorThroughput(DatasetSource source) {
        Dataset dataset = source.load().datasets().get(0);
        List<String> smiles = dataset.compounds().stream().map(c -> c.smiles()).toList();
        ExecutorService one = Executors.newSingleThreadExecutor();
        Descriptors.defaults().calculate(smiles.subList(0, Math.min(200, smiles.size())), one);
        long before = Descriptors.workerCpuNanos();
        DescriptorMatrix m;
        try {
            m = Descriptors.defaults().calculate(smiles, one);
        } finally {
            one.shutdownNow();
        }
        double seconds = (Descriptors.workerCpuNanos() - before) / 1e9;
        int[] block = m.blocks().get("descriptors");
        int varying = m.varyingColumns(block[0], block[1]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("descriptor_cpu_seconds", seconds);
        out.put("descriptor_molecules_per_cpu_second", smiles.size() / seconds);
        out.put("n_descriptors", block[1] - block[0]);
        out.put("n_varying_descriptors", varying);
        out.put("descriptor_set", Descriptors.defaults().describe());
        out.put("descriptor_throughput_note", "steady state: after a warm-up pass over 200 molecules");
        return out;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Just enough JSON for maps, lists, strings and numbers. */
    static final class Json {
        static String write(Object o) {
            StringBuilder s = new StringBuilder();
            write(o, s, "");
            return s.toString();
        }

        private static void write(Object o, StringBuilder s, String indent) {
            if (o instanceof Map<?, ?> m) {
                s.append("{\n");
                int i = 0;
                for (var e : m.entrySet()) {
                    s.append(indent).append("  ").append(quote(e.getKey().toString())).append(": ");
                    write(e.getValue(), s, indent + "  ");
                    s.append(++i < m.size() ? ",\n" : "\n");
                }
                s.append(indent).append('}');
            } else if (o instanceof List<?> l) {
                s.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    s.append(indent).append("  ");
                    write(l.get(i), s, indent + "  ");
                    s.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                s.append(indent).append(']');
            } else if (o instanceof Double d) {
                s.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
            } else if (o instanceof Number n) {
                s.append(n);
            } else {
                s.append(o == null ? "null" : quote(o.toString()));
            }
        }

        private static String quote(String v) {
            return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
    }
}
