package io.qspace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore newStore() {
        return new FileStore(dir.resolve("store"));
    }

    private Path root() {
        return ((FileStore) store).root();
    }

    @Test
    void aLeftoverPartialWriteIsNeitherListedNorRead() throws Exception {
        store.put("records/a", utf8("whole"));
        // what a crash between write and rename leaves behind
        Files.write(root().resolve("records/.partial-0b1c-a"), utf8("half"));
        Files.write(root().resolve("records/.partial-0b1c-b"), utf8("half"));
        assertEquals(List.of("records/a"), store.list(""));
        assertEquals(List.of("records/a"), store.list("records/"));
        assertArrayEquals(utf8("whole"), store.get("records/a").orElseThrow());
        assertEquals(Optional.empty(), store.get("records/b"));
        assertFalse(store.exists("records/b"));
    }

    @Test
    void keysThatWouldHideAsPartialWritesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.put("records/.partial-x", utf8("x")));
        assertTrue(e.getMessage().contains(".partial-"), e.getMessage());
    }

    @Test
    void opensByPathAndByFileUri() throws Exception {
        store.put("k", utf8("v"));
        try (ObjectStore byPath = ObjectStores.open(root().toString());
             ObjectStore byUri = ObjectStores.open(root().toUri().toString())) {
            assertInstanceOf(FileStore.class, byPath);
            assertArrayEquals(utf8("v"), byPath.get("k").orElseThrow());
            assertArrayEquals(utf8("v"), byUri.get("k").orElseThrow());
        }
    }

    @Test
    void aKeyCannotEscapeTheRoot() throws Exception {
        Files.write(dir.resolve("outside"), utf8("secret"));
        assertThrows(IllegalArgumentException.class, () -> store.get("../outside"));
        assertThrows(IllegalArgumentException.class, () -> store.put("a/../../outside", utf8("x")));
        assertArrayEquals(utf8("secret"), Files.readAllBytes(dir.resolve("outside")));
        assertEquals(List.of(), store.list("../"), "listing must not reach outside the store");
        assertEquals(List.of(), store.list("a/../../out"));
    }
}
