package io.qspace.bench;

import io.qspace.Study;
import io.qspace.data.DatasetSource;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.Table;

/**
 * One size of the scaling benchmark: the default study on a seeded subset of N compounds of the MoleculeACE union,
 * timed in process CPU seconds with the heap's peak sampled every 50 ms (garbage included, so it depends on how
 * lazily the collector runs) and the peak heap left after a collection (what the study really holds); then, in the same store, the same study
 * with every SVR fit exact (only the SVR invocations run again), to compare the chosen model's test RMSE. Where kNN
 * searched approximately (above knn().exactUpTo), the study again with every kNN search exact, and the stored
 * feature sets' applicability domains fitted exactly and approximately ({@link DomainCheck}).
 *
 * <p>The union: the 30 MoleculeACE files in name order, each compound with its measured pKi/pEC50 ("y
 * [pEC50/pKi]") and its set's given split, the first occurrence of a SMILES kept. The target is thus "potency on the
 * compound's own target", a pooled regression over 30 targets: harder than any one set, but the same kind of data
 * (ECFP4 counts and CDK descriptors of drug-like compounds) at any size. A size takes the first N of a seeded
 * shuffle of the union, keeping the split column.
 *
 * <pre>java ... io.qspace.bench.ScalingBench DATA_DIR N SEED OUT.json WORK_DIR [exact | approx:ROWS]</pre>
 * "exact": when the default run approximated SVR, run it again with every SVR fit exact. "approx:ROWS": at a size
 * where the default run is exact (already in the store), run SVR approximated above ROWS training rows.
 */
public final class ScalingBench {
    private ScalingBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        Path work = Path.of(args[4]);
        String mode = args.length > 5 ? args[5] : "";
        boolean exactToo = mode.equals("exact");
        Files.createDirectories(work);
        Path csv = subset(data, size, seed, work);
        DatasetSource source = Datasets.csv(csv.toString()).smiles("smiles").id("id").activity("activity")
                .split("split");
        Path store = work.resolve("store-" + size);

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("compounds", size);
        Study study = Study.named("scaling-" + size).datasets(source).seed(seed).store(store.toString())
                .descriptorSpace(); // what bench/results/scaling measured
        if (mode.startsWith("approx:")) {
            compareWithApproximation(study, Integer.parseInt(mode.substring("approx:".length())), row, out);
            return;
        }
        Map<String, Object> approx = run(study);
        row.put("default", approx);
        boolean approximated = approx.get("svr").toString().contains("fitted=");
        row.put("svr_approximated", approximated);
        write(out, row); // the default run's figures stand even if the all-exact run is stopped
        if (approx.get("knn").toString().contains("fitted=")) {
            // kNN searched approximately: the same study with every kNN search exact (only kNN runs again), and the
            // applicability domains, exact against approximate, on the stored feature sets.
            Map<String, Object> exactKnn = run(study.builders(knnExactUpTo(Integer.MAX_VALUE)));
            row.put("all_knn_exact", exactKnn);
            row.put("chosen_test_rmse_default_over_knn_exact", (double) approx.get("chosen_test_rmse")
                    / (double) exactKnn.get("chosen_test_rmse"));
            row.put("domains_exact_vs_approximate", DomainCheck.compare(store));
            write(out, row);
        }
        if (exactToo && !approximated) {
            row.put("chosen_test_rmse_default_over_exact", 1.0);
            row.put("exact_note", "no SVR fit above exactUpTo at this size: the default run is the exact one");
        } else if (exactToo) {
            Map<String, Object> exactRun = run(study.builders(svrExactUpTo(Integer.MAX_VALUE)));
            row.put("all_svr_exact", exactRun);
            row.put("chosen_test_rmse_default_over_exact", (double) approx.get("chosen_test_rmse")
                    / (double) exactRun.get("chosen_test_rmse"));
        }
        write(out, row);
    }

    /**
     * The default study (found in the store: nothing runs again) against the same study with SVR approximated above
     * exactUpTo training rows (only the SVR invocations run): the chosen model's test RMSE, approximate over exact.
     */
    private static void compareWithApproximation(Study study, int exactUpTo, Map<String, Object> row, Path out)
            throws IOException {
        Map<String, Object> exact = run(study);
        row.put("default", exact);
        if (!exact.get("svr").toString().contains("fitted=")) {
            row.put("svr_exact_up_to", exactUpTo);
            Map<String, Object> approximate = run(study.builders(svrExactUpTo(exactUpTo)));
            row.put("svr_approximated_above", approximate);
            row.put("chosen_test_rmse_approximate_over_exact", (double) approximate.get("chosen_test_rmse")
                    / (double) exact.get("chosen_test_rmse"));
        }
        write(out, row);
    }

    /** The default builders with kNN's exact limit replaced. */
    static List<ModelBuilder> knnExactUpTo(int rows) {
        return defaultsWith("knn", b -> ((io.qspace.model.KnnBuilder) b).exactUpTo(rows));
    }

    /** The default builders with SVR's exact limit replaced. */
    static List<ModelBuilder> svrExactUpTo(int rows) {
        return defaultsWith("svr", b -> Builders.svr().c(1, 10).epsilon(0.1).gammaScale().scaling("auto")
                .exactUpTo(rows));
    }

    /** The default builders, the one of this name replaced by what change makes of it. */
    private static List<ModelBuilder> defaultsWith(String name, java.util.function.UnaryOperator<ModelBuilder> change) {
        List<ModelBuilder> builders = new ArrayList<>();
        for (ModelBuilder b : Builders.defaults()) {
            builders.add(b.name().equals(name) ? change.apply(b) : b);
        }
        return builders;
    }

    private static void write(Path out, Map<String, Object> row) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "scaling");
        doc.put("machine", Map.of("java", System.getProperty("java.version"), "cores",
                Runtime.getRuntime().availableProcessors(), "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20));
        doc.put("size", row);
        String json = ModelSpaceBench.Json.write(doc);
        Files.writeString(out, json);
        System.out.println(json);
    }

    private static Map<String, Object> run(Study study) {
        Plan plan = study.plan();
        System.err.println(plan);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        LiveHeap live = LiveHeap.watch();
        System.gc();
        sampler.start();
        long cpu0 = ModelSpaceBench.processCpuNanos();
        long wall0 = System.nanoTime();
        Results results;
        try (EmbeddedRunner runner = new EmbeddedRunner()) {
            results = runner.submit(plan, ProgressListener.defaultListener()).await();
        }
        double cpu = (ModelSpaceBench.processCpuNanos() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        sampler.interrupt();
        live.stop();
        Table t = results.table();
        Table ok = t.where(t.stringColumn("status").isEqualTo("ok"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cpu_seconds", cpu);
        r.put("wall_seconds", wall);
        r.put("peak_heap_mb", peak.get() >> 20);
        r.put("peak_live_heap_mb", live.peakBytes() >> 20);
        r.put("n_train", ok.intColumn("n_train").get(0));
        r.put("n_test", ok.intColumn("n_test").get(0));
        r.put("failed_invocations", results.failed());
        Map<String, Object> best = ModelSpaceBench.best(ok, null);
        r.put("chosen", best);
        r.put("chosen_test_rmse", best.get("test_rmse"));
        Map<String, Object> seconds = new LinkedHashMap<>();
        for (String builder : ok.stringColumn("builder").unique().asList().stream().sorted().toList()) {
            seconds.put(builder, ok.where(ok.stringColumn("builder").isEqualTo(builder)).doubleColumn("seconds")
                    .sum());
        }
        r.put("wall_seconds_in_invocations_per_builder", seconds);
        r.put("svr", perFeatureSet(ok, "svr"));
        r.put("knn", perFeatureSet(ok, "knn"));
        return r;
    }

    /** A builder's parameters (with any approximation it was fitted with) and test RMSE, per feature set. */
    private static Map<String, Object> perFeatureSet(Table ok, String builder) {
        Map<String, Object> out = new LinkedHashMap<>();
        Table rows = ok.where(ok.stringColumn("builder").isEqualTo(builder));
        for (int i = 0; i < rows.rowCount(); i++) {
            out.put(rows.stringColumn("feature_set").get(i), rows.stringColumn("parameters").get(i) + " test_rmse="
                    + rows.doubleColumn("test_rmse").get(i));
        }
        return out;
    }

    /** The seeded N-compound subset of the MoleculeACE union, written once as CSV (smiles,id,activity,split). */
    static Path subset(Path data, int size, long seed, Path work) throws IOException {
        Path csv = work.resolve("moleculeace-union-" + size + "-seed" + seed + ".csv");
        if (Files.exists(csv)) {
            return csv;
        }
        List<String[]> union = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (var files = Files.list(data)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("CHEMBL.*\\.csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> header = List.of(lines.get(0).split(","));
                int smiles = header.indexOf("smiles");
                int y = header.indexOf("y [pEC50/pKi]");
                int split = header.indexOf("split");
                String set = f.getFileName().toString().replace(".csv", "");
                for (int i = 1; i < lines.size(); i++) {
                    String[] v = lines.get(i).split(",");
                    if (seen.add(v[smiles])) {
                        union.add(new String[] {v[smiles], set + "_" + i, v[y], v[split]});
                    }
                }
            }
        }
        if (size > union.size()) {
            throw new IllegalArgumentException("the MoleculeACE union in " + data + " has " + union.size()
                    + " distinct compounds, fewer than " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = union.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] t = union.get(i);
            union.set(i, union.get(j));
            union.set(j, t);
        }
        StringBuilder s = new StringBuilder("smiles,id,activity,split\n");
        for (String[] r : union.subList(0, size)) {
            s.append(String.join(",", r)).append('\n');
        }
        Files.writeString(csv, s.toString());
        return csv;
    }
}
