package io.qspace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Byte blobs by key: everything bulky lives here (datasets, descriptor matrices, feature sets, models, result
 * records, code). Keys are '/'-separated relative paths such as "models/ab12.model".
 *
 * <p>Writes are all-or-nothing: a reader sees either the whole object or none of it, never a partial write.
 * Implementations are thread-safe. Choose one by URI with {@link ObjectStores#open(String)}.
 */
public interface ObjectStore extends AutoCloseable {
    URI uri();

    /** Stores the bytes under the key, replacing what was there, atomically. */
    void put(String key, byte[] bytes) throws IOException;

    /** @return the bytes, or empty when no complete object has that key */
    Optional<byte[]> get(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Keys that start with prefix, sorted; only complete objects. */
    List<String> list(String prefix) throws IOException;

    void delete(String key) throws IOException;

    @Override
    default void close() {}

    /** get, with I/O errors unchecked: for callers that cannot do anything better than fail. */
    default Optional<byte[]> getOrEmpty(String key) {
        try {
            return get(key);
        } catch (IOException e) {
            throw new UncheckedIOException("reading '" + key + "' from " + uri() + ": " + e.getMessage(), e);
        }
    }

    /** get, but an absent key is an error that names the store and the key. */
    default byte[] require(String key) {
        try {
            return get(key).orElseThrow(() -> new IllegalStateException(
                    "no object '" + key + "' in store " + uri() + ": was it written by another study or deleted?"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading '" + key + "' from " + uri() + ": " + e.getMessage(), e);
        }
    }
}
