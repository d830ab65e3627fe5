package io.qspace.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Datasets from delimited text files with a header row: one dataset per file, named by the file stem.
 * Quoted fields follow RFC 4180 (commons-csv). Files ending in .tsv or .txt are read as tab-separated unless a
 * delimiter is given. Row numbers in messages count the header as row 1, as an editor or spreadsheet does.
 *
 * <p>Columns: SMILES from "smiles" (any case) unless named; activity must be named unless exactly one column has a
 * log-activity name ({@link TableColumns#LOG_ACTIVITY_NAMES}) or only one column is left over; the id from a column
 * with a common id name when present; the given split from a column "split" when present (values train/test, any case).
 * Instances are immutable: each setter returns a new source.
 */
public final class CsvSource implements DatasetSource {
    private static final long serialVersionUID = 1L;

    private final String pathOrGlob;
    private final String smiles;
    private final String activity;
    private final String id;
    private final String split;
    private final boolean fromNanomolar;
    private final int minCompounds;
    private final Character delimiter;
    private final ClassRule classes;

    CsvSource(String pathOrGlob) {
        this(pathOrGlob, "smiles", null, null, null, false, Datasets.DEFAULT_MIN_COMPOUNDS, null, null);
    }

    private CsvSource(String pathOrGlob, String smiles, String activity, String id, String split,
                      boolean fromNanomolar, int minCompounds, Character delimiter, ClassRule classes) {
        this.classes = classes;
        this.pathOrGlob = pathOrGlob;
        this.smiles = smiles;
        this.activity = activity;
        this.id = id;
        this.split = split;
        this.fromNanomolar = fromNanomolar;
        this.minCompounds = minCompounds;
        this.delimiter = delimiter;
    }

    public CsvSource smiles(String column) {
        return new CsvSource(pathOrGlob, column, activity, id, split, fromNanomolar, minCompounds, delimiter, classes);
    }

    public CsvSource activity(String column) {
        return new CsvSource(pathOrGlob, smiles, column, id, split, fromNanomolar, minCompounds, delimiter, classes);
    }

    public CsvSource id(String column) {
        return new CsvSource(pathOrGlob, smiles, activity, column, split, fromNanomolar, minCompounds, delimiter, classes);
    }

    /** The column holding train/test (any case). */
    public CsvSource split(String column) {
        return new CsvSource(pathOrGlob, smiles, activity, id, column, fromNanomolar, minCompounds, delimiter, classes);
    }

    /** Activities are IC50/Ki/EC50 in nM: convert to p-values, 9 - log10(nM). */
    public CsvSource fromNanomolar() {
        return new CsvSource(pathOrGlob, smiles, activity, id, split, true, minCompounds, delimiter, classes);
    }

    /** Datasets with fewer compounds after curation are skipped (default 23). */
    public CsvSource minCompounds(int minimum) {
        return new CsvSource(pathOrGlob, smiles, activity, id, split, fromNanomolar, minimum, delimiter, classes);
    }

    public CsvSource delimiter(char separator) {
        return new CsvSource(pathOrGlob, smiles, activity, id, split, fromNanomolar, minCompounds, separator, classes);
    }

    /**
     * A classification: compounds whose activity is at least the threshold are active (class 1), the others inactive.
     * The threshold is on the activity's scale (after {@link #fromNanomolar()}), and part of the dataset's identity.
     */
    public CsvSource activeAtLeast(double threshold) {
        if (classes instanceof ClassRule.Label) {
            throw new IllegalArgumentException("a source is classified by a threshold or by a label column, not both");
        }
        return new CsvSource(pathOrGlob, smiles, activity, id, split, fromNanomolar, minCompounds, delimiter,
                new ClassRule.AtLeast(threshold));
    }

    /**
     * A classification from a label column. Without classes, two labels that are a known pair (0/1, false/true,
     * no/yes, inactive/active, negative/positive) are ordered; otherwise name them, inactive first:
     * {@code .label("hERG_class", "non-blocker", "blocker")}. Rows with other labels are skipped with an issue.
     * Three or more classes ({@code .label("potency")} with low, mid and high) make one dataset per class against the
     * rest ({@code potency.high}, ...), split alike, which {@code Results.multiClass("potency")} puts back together.
     */
    public CsvSource label(String column, String... classes) {
        if (this.classes instanceof ClassRule.AtLeast) {
            throw new IllegalArgumentException("a source is classified by a threshold or by a label column, not both");
        }
        return new CsvSource(pathOrGlob, smiles, column, id, split, fromNanomolar, minCompounds, delimiter,
                new ClassRule.Label(column, java.util.Arrays.asList(classes)));
    }

    @Override
    public Loaded load() {
        return FileLoading.load(pathOrGlob, smiles,
                classes instanceof ClassRule.Label label ? label.column() : activity, minCompounds, classes, this::read);
    }

    private List<RawRow> read(Path file, List<LoadIssue> issues) throws SkipFile {
        String fileName = file.getFileName().toString();
        TextTable table = readTable(file, separatorFor(file));
        TableColumns columns = TableColumns.find(table, fileName, smiles,
                classes instanceof ClassRule.Label label ? label.column() : activity, id, split);
        return columns.rows(fileName, fromNanomolar, classes instanceof ClassRule.Label, issues);
    }

    private char separatorFor(Path file) {
        if (delimiter != null) {
            return delimiter;
        }
        String ext = SourceFiles.extension(file);
        return ext.equals("tsv") || ext.equals("txt") ? '\t' : ',';
    }

    static TextTable readTable(Path file, char separator) throws SkipFile {
        String fileName = file.getFileName().toString();
        // Empty lines are kept as records so that record numbers stay line numbers; they are skipped below.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).build();
        List<String> header = null;
        List<TextTable.Line> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                boolean blank = cells.stream().allMatch(String::isBlank);
                if (header == null) {
                    if (!blank) {
                        header = stripBom(cells);
                    }
                } else if (!blank) {
                    lines.add(new TextTable.Line((int) record.getRecordNumber(), cells));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SkipFile("cannot read " + fileName + ": " + e.getMessage());
        }
        if (header == null) {
            throw new SkipFile(fileName + " is empty");
        }
        if (lines.isEmpty()) {
            throw new SkipFile(fileName + " has a header but no data rows");
        }
        return new TextTable(header, lines);
    }

    private static List<String> stripBom(List<String> header) {
        List<String> copy = new ArrayList<>(header);
        if (!copy.isEmpty() && copy.get(0).startsWith("\uFEFF")) {
            copy.set(0, copy.get(0).substring(1));
        }
        return copy;
    }

    @Override
    public String toString() {
        return "csv(" + pathOrGlob + ")";
    }
}
