package io.qspace.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3 goes away and comes back: the store waits it out within its retry window, and gives up clearly after it. */
class S3OutageTest {
    @TempDir
    Path folder;

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aPutDuringAFewSecondsOfOutageCompletesAfterRestart() throws Exception {
        try (LocalS3 s3 = LocalS3.inFolder(folder.resolve("blobs"))) {
            s3.createBucket("outage");
            try (ObjectStore store = ObjectStores.open(s3.uri("outage/run", "retryWindow=30s"))) {
                for (int i = 0; i < 10; i++) {
                    store.put("before/" + i, bytes(100_000, i));
                }
                s3.stop();
                long stopped = System.nanoTime();
                CompletableFuture<Long> during = CompletableFuture.supplyAsync(() -> {
                    try {
                        store.put("during/big", bytes(2_000_000, 99));
                        return System.nanoTime();
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                CompletableFuture<Optional<byte[]>> readDuring = CompletableFuture.supplyAsync(() -> {
                    try {
                        return store.get("before/3");
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                Thread.sleep(3_000);
                assertFalse(during.isDone(), "the put must wait for S3, not fail or pretend: " + during);
                s3.start();
                long finished = during.get(30, TimeUnit.SECONDS);
                assertTrue(finished - stopped >= TimeUnit.MILLISECONDS.toNanos(2_900),
                        "the put finished before S3 came back");
                assertArrayEquals(bytes(100_000, 3), readDuring.get(30, TimeUnit.SECONDS).orElseThrow());
                for (int i = 0; i < 10; i++) {
                    assertArrayEquals(bytes(100_000, i), store.get("before/" + i).orElseThrow(), "before/" + i);
                }
                assertArrayEquals(bytes(2_000_000, 99), store.get("during/big").orElseThrow());
                assertEquals(11, store.list("").size());
            }
        }
    }

    @Test
    void aPutThatOutlastsTheWindowFailsNamingTheEndpoint() throws Exception {
        try (LocalS3 s3 = LocalS3.inMemory()) {
            s3.createBucket("gone");
            try (ObjectStore store = ObjectStores.open(s3.uri("gone", "retryWindow=1s"))) {
                s3.stop();
                long start = System.nanoTime();
                IOException e = assertThrows(IOException.class, () -> store.put("k", new byte[10]));
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(tookMs >= 900 && tookMs < 15_000, "gave up after " + tookMs + " ms");
                assertTrue(e.getMessage().contains(s3.endpoint()), e.getMessage());
                assertTrue(e.getMessage().contains("retry window"), e.getMessage());
                s3.start();
                assertEquals(List.of(), store.list(""), "the failed put left nothing behind");
            }
        }
    }
}
