package io.qspace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one suite every {@link ObjectStore} passes. Subclass it, return a fresh empty store from {@link #newStore()},
 * and add the tests that only make sense for your store.
 *
 * <h2>Legal keys (what this suite holds every store to)</h2>
 * A key is a '/'-separated relative path such that the same study can live in a folder or in a bucket:
 * <ul>
 *   <li>1 to 1024 bytes in UTF-8 (the S3 limit); each segment 1 to 255 bytes (the usual file-name limit);</li>
 *   <li>no leading or trailing '/', no empty segment ("a//b"), no "." or ".." segment;</li>
 *   <li>any Unicode character, spaces and punctuation included, <em>except</em> control characters
 *       (U+0000-U+001F, U+007F) and the characters that Windows file systems forbid: {@code \ : * ? " < > |}.</li>
 * </ul>
 * Other keys are rejected with {@link IllegalArgumentException} naming the key and the rule it breaks. Not checked
 * (too costly on S3) but not portable either: one key that is a folder of another ("a" and "a/b").
 */
public abstract class ObjectStoreContract {
    protected ObjectStore store;

    /** A fresh, empty store; it is closed after each test. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        assertEquals(List.of(), store.list(""), "newStore() must return an empty store");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void putThenGetReturnsTheSameBytes() throws Exception {
        store.put("models/ab12.model", utf8("a model"));
        assertArrayEquals(utf8("a model"), store.get("models/ab12.model").orElseThrow());
        assertTrue(store.exists("models/ab12.model"));
        assertArrayEquals(utf8("a model"), store.require("models/ab12.model"));
    }

    @Test
    void absentKeyIsEmptyAndRequireNamesStoreAndKey() throws Exception {
        assertEquals(Optional.empty(), store.get("records/none"));
        assertFalse(store.exists("records/none"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.require("records/none"));
        assertTrue(e.getMessage().contains("records/none"), e.getMessage());
        assertTrue(e.getMessage().contains(store.uri().toString()), e.getMessage());
    }

    @Test
    void aFolderOfKeysIsNotAnObject() throws Exception {
        store.put("records/a", utf8("a"));
        assertEquals(Optional.empty(), store.get("records"));
        assertFalse(store.exists("records"));
    }

    @Test
    void overwriteReplacesTheWholeObject() throws Exception {
        store.put("k", utf8("a longer first version"));
        store.put("k", utf8("short"));
        assertArrayEquals(utf8("short"), store.get("k").orElseThrow());
        assertEquals(List.of("k"), store.list(""));
    }

    @Test
    void emptyObjectIsStoredAndIsNotAbsent() throws Exception {
        store.put("empty", new byte[0]);
        assertTrue(store.exists("empty"));
        assertArrayEquals(new byte[0], store.get("empty").orElseThrow());
        assertEquals(List.of("empty"), store.list("e"));
    }

    @Test
    void largeObjectRoundTrips() throws Exception {
        byte[] big = random(20 * 1024 * 1024, 42);
        store.put("matrices/big.bin", big);
        assertArrayEquals(big, store.get("matrices/big.bin").orElseThrow());
    }

    @Test
    void deleteRemovesAndIsIdempotent() throws Exception {
        store.put("a/1", utf8("1"));
        store.put("a/2", utf8("2"));
        store.delete("a/1");
        assertFalse(store.exists("a/1"));
        assertEquals(Optional.empty(), store.get("a/1"));
        assertEquals(List.of("a/2"), store.list(""));
        store.delete("a/1");
        store.delete("never/there");
        assertEquals(List.of("a/2"), store.list(""));
    }

    @Test
    void listIsSortedAndMatchesPlainStringPrefixes() throws Exception {
        List<String> keys = List.of("records/b", "records/a", "records/sub/c", "records2/x", "recipe", "models/m", "z");
        for (String key : keys) {
            store.put(key, utf8(key));
        }
        List<String> all = new ArrayList<>(keys);
        all.sort(null);
        assertEquals(all, store.list(""));
        assertEquals(List.of("recipe", "records/a", "records/b", "records/sub/c", "records2/x"), store.list("rec"),
                "a prefix need not end at a folder boundary");
        assertEquals(List.of("records/a", "records/b", "records/sub/c"), store.list("records/"));
        assertEquals(List.of("records/sub/c"), store.list("records/s"));
        assertEquals(List.of("records/sub/c"), store.list("records/sub/c"));
        assertEquals(List.of(), store.list("records/sub/c/"));
        assertEquals(List.of(), store.list("nothing"));
        assertEquals(List.of(), store.list("nothing/deeper/"));
    }

    @Test
    void listPagesThroughManyKeys() throws Exception {
        // more than one S3 page (1000 keys) so that pagination is exercised
        List<String> expected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 1100; i++) {
                String key = String.format("many/%05d", i);
                expected.add(key);
                writes.add(pool.submit(() -> {
                    store.put(key, utf8(key));
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(expected, store.list("many/"));
        assertEquals(100, store.list("many/010").size());
    }

    @Test
    void concurrentPutsToDistinctKeysAllLand() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String key = "t" + thread + "/k" + i;
                    store.put(key, random(1000 + i, thread * 1000L + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(threads * perThread, store.list("t").size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertArrayEquals(random(1000 + i, t * 1000L + i), store.get("t" + t + "/k" + i).orElseThrow());
            }
        }
    }

    @Test
    void concurrentPutsToOneKeyNeverTearAndTheLastWriterWins() throws Exception {
        int writers = 6;
        int size = 256 * 1024;
        // each writer's object is filled with its own byte: a mix of two writers would show up at once
        List<byte[]> versions = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] v = new byte[size + w]; // lengths differ too, so a torn length is caught
            Arrays.fill(v, (byte) ('A' + w));
            versions.add(v);
        }
        store.put("shared", versions.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        int[] reads = {0};
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                Optional<byte[]> seen = store.get("shared");
                if (seen.isEmpty()) {
                    torn.add("object vanished while being overwritten");
                    continue;
                }
                String problem = wholeVersion(seen.get(), size);
                if (problem != null) {
                    torn.add(problem);
                }
                reads[0]++;
            }
            return null;
        });
        List<Future<?>> puts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] mine = versions.get(w);
            puts.add(pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    store.put("shared", mine);
                }
                return null;
            }));
        }
        for (Future<?> f : puts) {
            f.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(torn.isEmpty(), "readers saw torn objects: " + torn);
        assertTrue(reads[0] > 0, "the reader never ran");
        assertEquals(null, wholeVersion(store.get("shared").orElseThrow(), size));
        store.put("shared", versions.get(3));
        assertArrayEquals(versions.get(3), store.get("shared").orElseThrow(), "the last writer wins");
    }

    /** null if the bytes are exactly one writer's version, otherwise what is wrong with them. */
    private static String wholeVersion(byte[] bytes, int size) {
        if (bytes.length < size) {
            return "length " + bytes.length;
        }
        byte fill = (byte) ('A' + (bytes.length - size));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != fill) {
                return "byte " + i + " of a " + bytes.length + "-byte object is " + bytes[i];
            }
        }
        return null;
    }

    @Test
    void oddButLegalKeysRoundTrip() throws Exception {
        List<String> keys = new ArrayList<>(List.of(
                "with space/a b.txt",
                " leading and trailing spaces ",
                "unicode/é漢字-ümlaut-🧪",
                "punct/a+b=c,d;e@f&g$h!i(j)k'l~m#n%20o[p]{q}^r`s",
                "dots/a..b",
                "dots/trailing.",
                ".hidden/.x",
                "-dash/_under",
                "deep/" + "n/".repeat(40) + "leaf",
                "x".repeat(255)));
        for (String key : keys) {
            store.put(key, utf8("value of " + key));
        }
        for (String key : keys) {
            assertArrayEquals(utf8("value of " + key), store.get(key).orElseThrow(), key);
            assertTrue(store.exists(key), key);
        }
        keys.sort(null);
        assertEquals(keys, store.list(""));
        assertEquals(List.of("punct/a+b=c,d;e@f&g$h!i(j)k'l~m#n%20o[p]{q}^r`s"), store.list("punct/a+b="));
        assertEquals(List.of("unicode/é漢字-ümlaut-🧪"), store.list("unicode/é漢"));
        for (String key : keys) {
            store.delete(key);
        }
        assertEquals(List.of(), store.list(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "trailing/", "a//b", "a/../b", "..", "./a", "a/.", "back\\slash", "colon:x",
            "star*", "what?", "quote\"", "less<", "more>", "pipe|", "nul\u0000", "tab\tkey", "new\nline", "del\u007f"})
    void illegalKeysAreRejectedWithAReason(String key) throws Exception {
        for (Thrower op : List.<Thrower>of(
                () -> store.put(key, utf8("x")), () -> store.get(key), () -> store.exists(key),
                () -> store.delete(key))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run);
            assertTrue(e.getMessage().contains("'" + key + "'"), "the message names the key: " + e.getMessage());
        }
        assertEquals(List.of(), store.list(""), "nothing was written");
    }

    @Test
    void overlongKeysAreRejected() throws Exception {
        String longSegment = "y".repeat(256);
        String longKey = ("z".repeat(200) + "/").repeat(5) + "end"; // 1008 chars, but 2-byte chars push it past 1024
        String longInUtf8 = longKey.replace("z", "é");
        assertThrows(IllegalArgumentException.class, () -> store.put(longSegment, utf8("x")));
        assertThrows(IllegalArgumentException.class, () -> store.put(longInUtf8, utf8("x")));
        store.put(longKey, utf8("fits"));
        assertArrayEquals(utf8("fits"), store.get(longKey).orElseThrow());
    }

    @FunctionalInterface
    private interface Thrower {
        void run() throws Exception;
    }
}
