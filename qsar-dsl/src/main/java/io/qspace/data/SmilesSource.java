package io.qspace.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Datasets from SMILES files (.smi): whitespace-separated columns, one compound a line, one dataset per file.
 *
 * <p>Chosen layout: without a header, each line is {@code SMILES name activity} (further columns are ignored). The file
 * has a header when the first word of its first line is "smiles" (any case); then columns are found by header name as
 * in {@link CsvSource} (activity "activity" or a named one; id "name"/"id"). Names and values cannot contain spaces.
 * Row numbers in messages are line numbers.
 */
public final class SmilesSource implements DatasetSource {
    private static final long serialVersionUID = 1L;
    static final List<String> DEFAULT_HEADER = List.of("smiles", "name", "activity");

    private final FileOptions options;

    SmilesSource(String pathOrGlob) {
        this(new FileOptions(pathOrGlob));
    }

    private SmilesSource(FileOptions options) {
        this.options = options;
    }

    /** The activity column by header name (files with a header only). */
    public SmilesSource activity(String column) {
        return new SmilesSource(options.activity(column));
    }

    public SmilesSource id(String column) {
        return new SmilesSource(options.id(column));
    }

    public SmilesSource fromNanomolar() {
        return new SmilesSource(options.fromNanomolar());
    }

    public SmilesSource minCompounds(int minimum) {
        return new SmilesSource(options.minCompounds(minimum));
    }

    /**
     * A classification: active (class 1) when the activity is at least the threshold, on the activity's scale
     * (after {@link #fromNanomolar()}); the threshold is part of the dataset's identity, as for a CSV source.
     */
    public SmilesSource activeAtLeast(double threshold) {
        return new SmilesSource(options.activeAtLeast(threshold));
    }

    @Override
    public Loaded load() {
        return FileLoading.load(options.pathOrGlob(), "smiles", options.activity(), options.minCompounds(),
                options.classes(), this::read);
    }

    private List<RawRow> read(Path file, List<LoadIssue> issues) throws SkipFile {
        String fileName = file.getFileName().toString();
        TextTable table = readTable(file);
        String activityName = options.activity() != null ? options.activity()
                : table.header() == DEFAULT_HEADER ? "activity" : null;
        TableColumns columns = TableColumns.find(table, fileName, "smiles", activityName, options.id(), null);
        return columns.rows(fileName, options.nanomolar(), issues);
    }

    static TextTable readTable(Path file) throws SkipFile {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SkipFile("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        List<String> header = null;
        List<TextTable.Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.split("\\s+"));
            if (header == null) {
                header = words.get(0).equalsIgnoreCase("smiles") ? words : DEFAULT_HEADER;
                if (header != DEFAULT_HEADER) {
                    continue;
                }
            }
            lines.add(new TextTable.Line(i + 1, words));
        }
        if (header == null) {
            throw new SkipFile(file.getFileName() + " is empty");
        }
        return new TextTable(header, lines);
    }

    @Override
    public String toString() {
        return "smiles(" + options.pathOrGlob() + ")";
    }
}
