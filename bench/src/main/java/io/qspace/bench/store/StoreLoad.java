package io.qspace.bench.store;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.store.StoreKeys;
import io.qspace.results.RecordCompactor;
import io.qspace.results.ResultRecord;
import io.qspace.results.Results;
import io.qspace.run.ComputePool;
import io.qspace.run.InvocationExecutor;
import io.qspace.select.Selectors;
import io.qspace.store.ContentHash;
import io.qspace.store.FileStore;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import io.qspace.validate.Validation;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * How fast a study's results come back from each store: N one-row records written as test invocations write them,
 * then (a) compacted into the study table, serially and on the compactor's I/O pool, and (b) the table loaded. Also
 * the bytes each invocation kind moves in a real quick study, through a counting wrapper around the real store.
 * Writes JSON to bench/results/store-load.json.
 */
public final class StoreLoad {
    private static final String IDENTITY = "qspace-bench";
    private static final String SECRET = "qspace-bench-secret";

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/store-load.json");
        System.setProperty("aws.accessKeyId", IDENTITY);
        System.setProperty("aws.secretAccessKey", SECRET);
        Path work = Files.createTempDirectory("qspace-store-load");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", records);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("compactor_threads", RecordCompactor.DEFAULT_THREADS);

        Map<String, Object> stores = new LinkedHashMap<>();
        try (ObjectStore file = new FileStore(work.resolve("file"))) {
            stores.put("file", measure(file, records, work, "file"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path blobs = Files.createDirectories(work.resolve("s3proxy"));
        FilesystemNio2BlobStore blobStore = new FilesystemNio2BlobStore(blobs.toString());
        blobStore.createContainer("bench");
        S3Proxy proxy = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        String s3 = "s3://bench/qspace?region=us-east-1&endpoint=http://127.0.0.1:" + port + "&pathStyle=true";
        try (ObjectStore store = ObjectStores.open(s3)) {
            stores.put("s3proxy", measure(store, records, work, s3));
        } finally {
            proxy.stop();
        }
        json.put("stores", stores);
        String text = Json.of(json);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text + "\n");
        System.out.println(text);
        System.exit(0); // S3Proxy's Jetty leaves non-daemon threads
    }

    private static Map<String, Object> measure(ObjectStore store, int n, Path work, String uri) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> keys = writeRecords(store, n, m);
        RecordCompactor.table(new RecordCompactor(store, 16).rows(keys.subList(0, Math.min(200, n))).values()
                .stream().map(o -> o.orElseThrow()).toList()); // warm up connections and JIT

        long t0 = System.nanoTime();
        List<String> serialRows = new RecordCompactor(store, 1).rows(keys).values().stream().map(o -> o.orElseThrow()).toList();
        m.put("compact_serial_seconds", seconds(t0));

        t0 = System.nanoTime();
        List<String> rows = new RecordCompactor(store).rows(keys).values().stream().map(o -> o.orElseThrow()).toList();
        String table = RecordCompactor.table(rows);
        store.put(StoreKeys.studyResults("load"), table.getBytes(StandardCharsets.UTF_8));
        m.put("compact_parallel_seconds", seconds(t0));
        if (!serialRows.equals(rows)) {
            throw new IllegalStateException("serial and parallel compaction differ");
        }
        m.put("results_csv_bytes", table.getBytes(StandardCharsets.UTF_8).length);

        Results.load(store, "load"); // warm-up
        double best = Double.MAX_VALUE;
        int rowCount = 0;
        for (int i = 0; i < 5; i++) {
            t0 = System.nanoTime();
            Results r = Results.load(store, "load");
            rowCount = r.table().rowCount();
            best = Math.min(best, seconds(t0));
        }
        if (rowCount != n) {
            throw new IllegalStateException("loaded " + rowCount + " rows, wrote " + n);
        }
        m.put("load_table_seconds_best_of_5", best);
        m.put("loaded_rows", rowCount);
        m.put("bytes_per_invocation_quick_study", bytesPerInvocation(store, work, uri));
        return m;
    }

    /** Records as test invocations write them: one object each, written by several slots at once. */
    private static List<String> writeRecords(ObjectStore store, int n, Map<String, Object> m) throws Exception {
        List<String> keys = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "test-" + ContentHash.shortOf("bench", Integer.toString(i));
                keys.add(StoreKeys.record(id));
                ResultRecord record = record(i, id);
                futures.add(pool.submit(() -> {
                    store.put(StoreKeys.record(id), record.toCsv().getBytes(StandardCharsets.UTF_8));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        m.put("write_records_seconds_16_threads", seconds(t0));
        return keys;
    }

    private static ResultRecord record(int i, String id) {
        Random r = new Random(i);
        String[] builders = {"mlr", "pls", "knn", "rf", "svr", "gbm", "mlp"};
        return new ResultRecord("CHEMBL" + (200 + i % 30) + "_Ki", "top" + (10 + i % 4 * 10) + "-correlated",
                10 + i % 4 * 10, builders[i % builders.length], "k=" + (3 + i % 5) + "; weights=distance",
                r.nextDouble(), 0.5 + r.nextDouble(), r.nextDouble(), 0.5 + r.nextDouble(), 0.4 + r.nextDouble(),
                -r.nextDouble(), 800 + i % 200, 200 + i % 50, 30 + i % 7, r.nextDouble() * 20,
                StoreKeys.model(id), io.qspace.results.ResultColumn.OK, "", id, ContentHash.of("dataset", Integer.toString(i % 30)),
                "auto(0.2)", 42, "dev");
    }

    /** A real quick study, invocation by invocation, each through its own counting wrapper. */
    private static Map<String, Object> bytesPerInvocation(ObjectStore store, Path work, String uri) throws Exception {
        Path bzr = samples().resolve("sutherland_BZR.csv");
        Study study = Study.named("bytes")
                .datasets(Datasets.csv(bzr.toString()).smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault())
                .selectors(Selectors.topCorrelated(5, 10))
                .builders(Builders.mlr(), Builders.pls().components(2, 3), Builders.knn().k(3, 5))
                .validation(Validation.kFold(3))
                .store(uri.startsWith("s3://") ? uri : work.resolve(uri).toString())
                .seed(7);
        Plan plan = study.plan();
        plan.publish(store, io.qspace.run.RunIds.next());
        Map<String, long[]> byKind = new LinkedHashMap<>(); // count, read, written, calls
        Deque<Invocation> queue = new ArrayDeque<>(plan.roots());
        while (!queue.isEmpty()) {
            Invocation next = queue.poll();
            CountingStore counting = new CountingStore(store);
            InvocationExecutor.Outcome outcome = new InvocationExecutor(counting, ComputePool.shared())
                    .execute(next, () -> false);
            if (outcome.status() != io.qspace.run.InvocationStatus.EXECUTED) {
                throw new IllegalStateException(next + " " + outcome.status() + ": " + outcome.error());
            }
            long[] k = byKind.computeIfAbsent(next.kind(), x -> new long[4]);
            k[0]++;
            k[1] += counting.bytesRead.get();
            k[2] += counting.bytesWritten.get();
            k[3] += counting.calls.get();
            queue.addAll(outcome.children());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byKind.forEach((kind, k) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("invocations", k[0]);
            e.put("bytes_read_mean", k[1] / k[0]);
            e.put("bytes_written_mean", k[2] / k[0]);
            e.put("store_calls_mean", String.format(Locale.ROOT, "%.1f", k[3] / (double) k[0]));
            out.put(kind, e);
        });
        return out;
    }

    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("datasets-sample"))) {
                return dir.resolve("datasets-sample");
            }
        }
        throw new IllegalStateException("no datasets-sample/ above " + Path.of("").toAbsolutePath());
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
    }

    /** Just enough JSON for nested maps of numbers and strings. */
    static final class Json {
        static String of(Object value) {
            return of(value, "");
        }

        private static String of(Object value, String indent) {
            if (value instanceof Map<?, ?> map) {
                StringBuilder s = new StringBuilder("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    s.append(indent).append("  \"").append(e.getKey()).append("\": ")
                            .append(of(e.getValue(), indent + "  ")).append(++i < map.size() ? ",\n" : "\n");
                }
                return s.append(indent).append('}').toString();
            }
            if (value instanceof Number) {
                return value.toString();
            }
            return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
