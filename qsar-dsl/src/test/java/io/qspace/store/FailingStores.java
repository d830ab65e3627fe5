package io.qspace.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Fault injection for study tests: "faulty:///some/folder" opens a real {@link FileStore} on the folder whose puts
 * fail, finally (as a store does when its retries are spent), for the keys a test names. Reached by URI, like every
 * store, so the runner under test opens it exactly as it would open S3.
 */
public final class FailingStores implements ObjectStoreProvider {
    private static final Map<Path, Predicate<String>> RULES = new ConcurrentHashMap<>();

    /** @return the URI of a store on the folder whose puts fail for keys the rule accepts */
    public static String failing(Path folder, Predicate<String> failPut) {
        Path root = folder.toAbsolutePath().normalize();
        RULES.put(root, failPut);
        return "faulty://" + root.toUri().getPath();
    }

    public static void heal(Path folder) {
        RULES.put(folder.toAbsolutePath().normalize(), key -> false);
    }

    @Override
    public String scheme() {
        return "faulty";
    }

    @Override
    public ObjectStore open(URI uri) {
        Path root = Path.of(URI.create("file://" + uri.getPath())).toAbsolutePath().normalize();
        return new Failing(new FileStore(root), key -> RULES.getOrDefault(root, k -> false).test(key));
    }

    /** A real store whose puts fail for some keys; everything else passes through. */
    public static final class Failing implements ObjectStore {
        private final ObjectStore real;
        private final Predicate<String> failPut;

        public Failing(ObjectStore real, Predicate<String> failPut) {
            this.real = real;
            this.failPut = failPut;
        }

        @Override
        public URI uri() {
            return real.uri();
        }

        @Override
        public void put(String key, byte[] bytes) throws IOException {
            if (failPut.test(key)) {
                throw new IOException("injected: writing '" + key + "' failed after every retry");
            }
            real.put(key, bytes);
        }

        @Override
        public Optional<byte[]> get(String key) throws IOException {
            return real.get(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return real.exists(key);
        }

        @Override
        public java.util.List<String> list(String prefix) throws IOException {
            return real.list(prefix);
        }

        @Override
        public void delete(String key) throws IOException {
            real.delete(key);
        }
    }
}
