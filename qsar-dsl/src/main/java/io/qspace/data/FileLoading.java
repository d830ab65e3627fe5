package io.qspace.data;

import io.qspace.data.DatasetSource.Loaded;
import io.qspace.data.DatasetSource.SkippedDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The loading loop shared by file sources: one dataset per file, read, curated, and kept or skipped as a whole. */
final class FileLoading {
    private FileLoading() {}

    /** Reads one file into rows, adding row-level issues; throws SkipFile when the whole file is unusable. */
    interface RowReader {
        List<RawRow> read(Path file, List<LoadIssue> issues) throws SkipFile;
    }

    static Loaded load(String pathOrGlob, String smilesField, int minCompounds, RowReader reader) {
        List<Path> files = SourceFiles.resolve(pathOrGlob);
        List<Dataset> datasets = new ArrayList<>();
        List<SkippedDataset> skipped = new ArrayList<>();
        if (files.isEmpty()) {
            skipped.add(new SkippedDataset(pathOrGlob, pathOrGlob, "no file matches '" + pathOrGlob + "'", List.of()));
        }
        for (Path file : files) {
            String name = SourceFiles.stem(file);
            String fileName = file.getFileName().toString();
            List<LoadIssue> issues = new ArrayList<>();
            try {
                if (!Files.isRegularFile(file)) {
                    throw new SkipFile("file not found: " + file.toAbsolutePath());
                }
                if (Files.size(file) == 0) {
                    throw new SkipFile(fileName + " is empty");
                }
                List<RawRow> rows = reader.read(file, issues);
                List<Compound> compounds = Curation.curate(rows, fileName, smilesField, issues);
                if (compounds.size() < minCompounds) {
                    throw new SkipFile("only " + compounds.size() + " usable compounds after curation (from "
                            + rows.size() + " readable rows); the minimum is " + minCompounds);
                }
                datasets.add(new Dataset(name, file.toString(), compounds, issues));
            } catch (SkipFile e) {
                skipped.add(new SkippedDataset(name, file.toString(), e.getMessage(), issues));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                skipped.add(new SkippedDataset(name, file.toString(), "cannot read " + fileName + ": " + e.getMessage(),
                        issues));
            }
        }
        return new Loaded(datasets, skipped);
    }
}
