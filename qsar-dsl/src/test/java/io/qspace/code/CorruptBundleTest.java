package io.qspace.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A code bundle is checked against its hash before it is parsed, parsed within its bytes, and repaired by its client. */
class CorruptBundleTest {
    @TempDir
    Path dir;

    /** Eleven bytes: one class named "A" whose class file claims 2 GB. Parsed blindly, that is an OutOfMemoryError. */
    static final byte[] ELEVEN = {0, 0, 0, 1, 0, 1, 'A', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    @Test
    void elevenBytesThatClaimTwoGigabytesAreAClearErrorNotAnAllocation() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CodeBundle.fromBytes(ELEVEN));
        assertTrue(e.getMessage().contains("claims 2147483647 bytes"), e.getMessage());
    }

    @Test
    void aStoredBundleThatDoesNotMatchItsHashIsRefusedNamingItsKeyAndRewrittenByItsClient() throws Exception {
        CodeBundle bundle = new CodeBundle(Map.of("example.Shipped", new byte[] {(byte) 0xca, (byte) 0xfe, 1, 2}));
        try (ObjectStore store = ObjectStores.open(dir.toString())) {
            String hash = bundle.storeIn(store);
            assertEquals(bundle.hash(), hash);
            String key = CodeBundle.key(hash);
            store.put(key, ELEVEN);

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> RunCode.load(store, hash, getClass().getClassLoader()));
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains("none of it was loaded"),
                    e.getMessage());

            assertEquals(hash, bundle.storeIn(store), "the client ships the same code again");
            assertArrayEquals(bundle.toBytes(), store.require(key), "and the corrupt copy is replaced");
            assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe, 1, 2},
                    CodeBundle.read(store, hash).classes().get("example.Shipped"));
        }
    }
}
