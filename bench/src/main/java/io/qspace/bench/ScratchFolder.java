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

    /**
     * Deletes the folder, best effort: what cannot be deleted (a file still being written when the JVM is stopped)
     * is named in one line and left.
     */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        int left = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    left++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            left++;
        }
        if (left > 0) {
            System.err.println("bench: could not delete all of " + dir + " (" + left + " entries left); delete it by hand");
        }
    }
}
