package io.qspace.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded default: objects as files below a folder. Each write goes to a hidden temporary file first and is
 * then renamed into place, so a reader (or a crash) never sees half an object.
 */
public final class FileStore implements ObjectStore {
    private static final String PARTIAL = ".partial-";
    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create store folder " + this.root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public URI uri() {
        return root.toUri();
    }

    private Path path(String key) {
        checkKey(key);
        return root.resolve(key);
    }

    /**
     * The portable key rule that every store enforces (see ObjectStoreContract in the tests), plus one of this store's
     * own: a file name starting with ".partial-" would be taken for an unfinished write and hidden.
     */
    static void checkKey(String key) {
        String why = ObjectKeys.problem(key);
        if (why == null && key.substring(key.lastIndexOf('/') + 1).startsWith(PARTIAL)) {
            why = "names starting with '" + PARTIAL + "' are reserved for unfinished writes";
        }
        if (why != null) {
            throw new IllegalArgumentException("bad object key '" + key + "': " + why);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        // not named after the target: a 255-byte file name plus the prefix would exceed the file-name limit
        Path tmp = target.resolveSibling(PARTIAL + UUID.randomUUID());
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        Path path = path(key);
        if (Files.isDirectory(path)) {
            return Optional.empty(); // a folder of keys, not an object
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) { // "../" must not list what lies outside the store
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(PARTIAL))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        }
        Collections.sort(keys);
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = path(key);
        if (!Files.isDirectory(path)) { // a folder of keys is not an object: nothing to delete
            Files.deleteIfExists(path);
        }
    }

    @Override
    public String toString() {
        return "FileStore(" + root + ")";
    }
}
