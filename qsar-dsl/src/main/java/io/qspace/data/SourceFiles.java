package io.qspace.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the files a path or glob names, sorted by dataset name so that loading order never depends on the disk. */
final class SourceFiles {
    private SourceFiles() {}

    static boolean isGlob(String pathOrGlob) {
        return pathOrGlob.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The file itself (even when missing, so the caller can say so) or the regular files matching the glob. */
    static List<Path> resolve(String pathOrGlob) {
        if (!isGlob(pathOrGlob)) {
            return List.of(Path.of(pathOrGlob));
        }
        String pattern = pathOrGlob.replace('\\', '/');
        int firstGlob = 0;
        while (!"*?[{".contains(String.valueOf(pattern.charAt(firstGlob)))) {
            firstGlob++;
        }
        int slash = pattern.lastIndexOf('/', firstGlob);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String relativePattern = slash < 0 ? pattern : pattern.substring(slash + 1);
        int depth = relativePattern.contains("**") ? Integer.MAX_VALUE : relativePattern.split("/").length;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativePattern);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .sorted(Comparator.comparing(SourceFiles::stem).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    /** The file name without its last extension: "CHEMBL204_Ki.csv" gives "CHEMBL204_Ki". */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
