package io.qspace.bench;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.model.Builders;
import io.qspace.predict.LibraryPrediction;
import io.qspace.predict.PredictionJob;
import io.qspace.results.StoredModel;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Library-scale prediction (bench/STREAMING.md): one stored ECFP4 model (SVR, fitted by a study on one MoleculeACE set)
 * predicts N SMILES (every MoleculeACE structure, repeated to N rows) from a .smi file to a CSV through
 * {@link LibraryPrediction}, one run per N in this JVM. Reports rows per second of wall time and per CPU second of
 * the process (= per core when the cores are busy), and the heap: the most used at any 50-ms sample and the most
 * live after a collection (old generation after GC), under the JVM's -Xmx.
 *
 * With GRID_MEMBERS above 0, the same file is then predicted as a {@link PredictionJob} on that many member JVMs
 * (4 slots each, on this machine) and the two output files are compared byte for byte.
 *
 * <pre>java -Xmx512m ... io.qspace.bench.StreamingBench DATA_DIR TRAIN_SET ROWS[,ROWS...] THREADS OUT.json [GRID_MEMBERS]</pre>
 */
public final class StreamingBench {
    private StreamingBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String trainSet = args[1];
        List<Long> sizes = new ArrayList<>();
        for (String n : args[2].split(",")) {
            sizes.add(Long.parseLong(n));
        }
        int threads = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        int gridMembers = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Path work = ScratchFolder.create("qspace-streaming-");

        Study study = Study.named("streaming").datasets(MoleculeAceStudy.source(data.resolve(trainSet + ".csv")))
                .descriptors(Descriptors.ecfp4()).selectors(Selectors.fingerprints()).builders(Builders.svr())
                .validation(Validation.kFold(5)).seed(42).store(work.resolve("store").toString());
        StoredModel model = MoleculeAceStudy.run(study).best(trainSet);

        Set<String> structures = new LinkedHashSet<>();
        try (var files = Files.list(data)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("CHEMBL")).sorted().toList()) {
                Files.readAllLines(f, StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(",", 2)[0])
                        .forEach(structures::add);
            }
        }
        List<String> smiles = List.copyOf(structures);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        doc.put("descriptors", model.descriptors().describe());
        doc.put("distinct_structures", smiles.size());
        doc.put("threads", threads);
        doc.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        List<Object> runs = new ArrayList<>();
        for (long n : sizes) {
            Path in = work.resolve("library-" + n + ".smi");
            try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
                for (long i = 0; i < n; i++) {
                    w.write(smiles.get((int) (i % smiles.size())));
                    w.write(" r");
                    w.write(Long.toString(i));
                    w.write('\n');
                }
            }
            Path csv = work.resolve("predictions-" + n + ".csv");
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long cpu0 = ModelSpaceBench.processCpuNanos();
            LibraryPrediction.Summary s = LibraryPrediction.with(model).threads(threads)
                    .progress(p -> System.err.printf("%,d rows, %.0f rows/s%n", p.rows(), p.rowsPerSecond()), 30)
                    .run(in, csv);
            double cpu = (ModelSpaceBench.processCpuNanos() - cpu0) / 1e9;
            sampler.stop = true;
            sampler.join();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("rows", s.rows());
            run.put("rows_with_error", s.failedRows());
            run.put("seconds", s.seconds());
            run.put("cpu_seconds", cpu);
            run.put("rows_per_second", s.rows() / s.seconds());
            run.put("rows_per_cpu_second", s.rows() / cpu);
            run.put("peak_heap_used_mb", sampler.peakUsed / 1048576.0);
            run.put("peak_live_after_gc_mb", oldAfterGc() / 1048576.0);
            run.put("output_mb", Files.size(csv) / 1048576.0);
            if (gridMembers > 0) {
                run.putAll(onGrid(gridMembers, in, csv, work.resolve("store").toString(), model));
            }
            runs.add(run);
            System.err.println(run);
            Files.delete(in);
            Files.delete(csv);
            doc.put("runs", runs); // after every size, so a long run that is stopped keeps what it measured
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, ModelSpaceBench.Json.write(doc));
        }
        System.out.println(ModelSpaceBench.Json.write(doc));
    }

    /** The same file predicted on member JVMs as a {@link PredictionJob}: seconds, and whether the files are equal. */
    private static Map<String, Object> onGrid(int members, Path in, Path localCsv, String store, StoredModel model)
            throws Exception {
        Path gridCsv = localCsv.resolveSibling("grid-" + localCsv.getFileName());
        long t0 = System.nanoTime();
        try (io.qspace.bench.grid.Members m = io.qspace.bench.grid.Members.start(members, 4);
             io.qspace.grid.GridRunner grid = m.connect()) {
            PredictionJob job = PredictionJob.of(in, store, List.of(model.provenance().model()))
                    .rowsPerInvocation(10_000);
            var results = grid.submit(job.plan(), io.qspace.run.ProgressListener.none()).await();
            if (results.failed() > 0) {
                throw new IllegalStateException("slices failed on the grid:\n" + results.failures().print());
            }
            job.writeTo(gridCsv);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("grid_members", members);
        run.put("grid_seconds", (System.nanoTime() - t0) / 1e9);
        run.put("grid_output_identical", Files.mismatch(localCsv, gridCsv) == -1L);
        Files.delete(gridCsv);
        System.err.println("on " + members + " member JVMs: " + run);
        return run;
    }

    /** The heap's most used bytes after a collection, over the pools that outlive young collections. */
    private static long oldAfterGc() {
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                    && !pool.getName().contains("Eden") && !pool.getName().contains("Survivor")) {
                max = Math.max(max, pool.getCollectionUsage().getUsed());
            }
        }
        return max;
    }

    private static final class HeapSampler extends Thread {
        volatile boolean stop;
        long peakUsed;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (!stop) {
                peakUsed = Math.max(peakUsed, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
