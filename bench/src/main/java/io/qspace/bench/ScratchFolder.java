package io.qspace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's scratch folder (its store, sampled inputs): made under java.io.tmpdir and deleted when the JVM exits,
 * so a benchmark of 30 sets does not leave 30 stores of up to a gigabyte each in /tmp. With
 * {@code -Dqspace.bench.keep=true} it is kept, and its path printed, to look into the store afterwards.
 */
final class ScratchFolder {
    static final String KEEP = "qspace.bench.keep";

    private ScratchFolder() {}

    static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        if (Boolean.getBoolean(KEEP)) {
            System.err.println("bench: keeping " + dir + " (-D" + KEEP + "=true)");
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + dir.getFileName()));
        }
        return dir;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's scratch folder " + dir, e);
        }
    }
}
