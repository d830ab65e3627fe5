package io.qspace.data;

import io.qspace.data.DatasetSource.Loaded;
import io.qspace.data.DatasetSource.SkippedDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The loading loop shared by file sources: one dataset per file, read, curated, and kept or skipped as a whole; a
 * label column with more than two classes gives one dataset per class against the rest ({@link OneVsRest}).
 */
final class FileLoading {
    private FileLoading() {}

    /** Reads one file into rows, adding row-level issues; throws SkipFile when the whole file is unusable. */
    interface RowReader {
        List<RawRow> read(Path file, List<LoadIssue> issues) throws SkipFile;
    }

    static Loaded load(String pathOrGlob, String smilesField, int minCompounds, RowReader reader) {
        return load(pathOrGlob, smilesField, null, minCompounds, null, reader);
    }

    /**
     * @param activityField the activity column as the user named it (null: "activity"), for the class rule's words
     * @param rule          how rows become classes, or null for a regression dataset
     */
    static Loaded load(String pathOrGlob, String smilesField, String activityField, int minCompounds, ClassRule rule,
                       RowReader reader) {
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
                Classes classes = null;
                if (rule != null) {
                    ClassRule.Labelled labelled = rule.apply(rows, fileName,
                            activityField == null ? "activity" : activityField, issues);
                    rows = labelled.rows();
                    classes = labelled.classes();
                }
                List<Compound> compounds = Curation.curate(rows, fileName, smilesField, classes, issues);
                if (compounds.size() < minCompounds) {
                    throw new SkipFile("only " + compounds.size() + " usable compounds after curation (from "
                            + rows.size() + " readable rows); the minimum is " + minCompounds);
                }
                if (classes != null && !classes.isBinary()) {
                    for (Dataset perClass : OneVsRest.expand(name, file.toString(), compounds, issues, classes)) {
                        try {
                            checkBothClasses(perClass.classes(), perClass.compounds(), fileName);
                            datasets.add(perClass);
                        } catch (SkipFile e) {
                            skipped.add(new SkippedDataset(perClass.name(), file.toString(), e.getMessage(), issues));
                        }
                    }
                    continue;
                }
                if (classes != null) {
                    checkBothClasses(classes, compounds, fileName);
                }
                datasets.add(new Dataset(name, file.toString(), compounds, issues, classes));
            } catch (SkipFile e) {
                skipped.add(new SkippedDataset(name, file.toString(), e.getMessage(), issues));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                skipped.add(new SkippedDataset(name, file.toString(), "cannot read " + fileName + ": " + e.getMessage(),
                        issues));
            }
        }
        return new Loaded(datasets, skipped);
    }

    /** A classification whose curated compounds all have one class cannot be modelled. */
    private static void checkBothClasses(Classes classes, List<Compound> compounds, String fileName) throws SkipFile {
        int[] counts = classes.counts(compounds);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new SkipFile(fileName + " has no '" + classes.name(k) + "' compound after curation (all "
                        + compounds.size() + " are '" + classes.name(1 - k) + "', " + classes.rule()
                        + "): a classifier needs two classes");
            }
        }
    }
}
