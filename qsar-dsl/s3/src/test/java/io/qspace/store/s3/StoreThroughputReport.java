package io.qspace.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.qspace.store.FileStore;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures (does not judge) how long 1,000 small objects take to put and get, one thread and eight, on the file store
 * and on S3. S3 here is S3Proxy on loopback, so these are per-request overheads, not S3 latencies. Results go to
 * standard output and target/store-throughput.txt; the assertions only check that what was read is what was written.
 */
class StoreThroughputReport {
    private static final int OBJECTS = 1000;
    private static final int SIZE = 300;

    @TempDir
    Path folder;

    @Test
    void measureSmallObjects() throws Exception {
        List<String> report = new ArrayList<>();
        try (ObjectStore files = new FileStore(folder.resolve("files"))) {
            measure("file", files, report);
        }
        try (LocalS3 s3 = LocalS3.inMemory()) {
            s3.createBucket("bench");
            try (ObjectStore store = ObjectStores.open(s3.uri("bench/run", ""))) {
                measure("s3proxy", store, report);
            }
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "store-throughput.txt"), report);
    }

    private static void measure(String name, ObjectStore store, List<String> report) throws Exception {
        byte[] value = new byte[SIZE];
        for (int threads : new int[] {1, 8}) {
            String base = "t" + threads + "/";
            long put = timed(threads, i -> store.put(base + i, payload(value, i)));
            long get = timed(threads, i -> assertArrayEquals(payload(value, i), store.get(base + i).orElseThrow()));
            report.add(String.format(Locale.ROOT, "%-8s %d thread(s): %d puts %6d ms (%5.0f/s), %d gets %6d ms (%5.0f/s)",
                    name, threads, OBJECTS, put, OBJECTS * 1000.0 / put, OBJECTS, get, OBJECTS * 1000.0 / get));
        }
    }

    private static byte[] payload(byte[] template, int i) {
        byte[] b = template.clone();
        byte[] tag = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, b, 0, tag.length);
        return b;
    }

    @FunctionalInterface
    private interface Op {
        void run(int i) throws Exception;
    }

    private static long timed(int threads, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < OBJECTS; i += threads) {
                        op.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
