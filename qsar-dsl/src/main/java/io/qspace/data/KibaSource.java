package io.qspace.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many datasets at once from a compound x target matrix, one dataset per target (named by the target's id): the
 * KIBA kinase set as DeepDTA distributes it, 2,111 compounds x 229 kinases.
 *
 * <p>Layout, in one folder: {@code ligands_can.txt} (a JSON object, compound id -> SMILES, in matrix row order),
 * {@code proteins.txt} (a JSON object, target id -> sequence, in column order) and
 * {@code kiba_binding_affinity_v2.txt} (one line per compound, tab-separated scores, {@code nan} where unmeasured).
 * Scores are taken as given: in this version higher means stronger binding. Each compound is standardised once and
 * then merged per target as in {@link Curation}; a target with fewer than the minimum of measured compounds is
 * skipped with its count.
 */
public final class KibaSource implements DatasetSource {
    private static final long serialVersionUID = 1L;
    static final String COMPOUNDS = "ligands_can.txt";
    static final String TARGETS = "proteins.txt";
    static final String MATRIX = "kiba_binding_affinity_v2.txt";

    private final String folder;
    private final List<String> only;
    private final int minCompounds;

    KibaSource(String folder) {
        this(folder, List.of(), Datasets.DEFAULT_MIN_COMPOUNDS);
    }

    private KibaSource(String folder, List<String> only, int minCompounds) {
        this.folder = folder;
        this.only = List.copyOf(only);
        this.minCompounds = minCompounds;
    }

    /** Only these targets (ids as in proteins.txt), in the matrix's order. */
    public KibaSource targets(String... ids) {
        return new KibaSource(folder, List.of(ids), minCompounds);
    }

    public KibaSource minCompounds(int minimum) {
        return new KibaSource(folder, only, minimum);
    }

    @Override
    public Loaded load() {
        Path dir = Path.of(folder);
        Map<String, String> compounds;
        List<String> targets;
        try {
            compounds = jsonObject(dir.resolve(COMPOUNDS));
            targets = new ArrayList<>(jsonObject(dir.resolve(TARGETS)).keySet());
        } catch (SkipFile e) {
            return skippedAll(e.getMessage());
        }
        Set<String> unknown = new LinkedHashSet<>(only);
        targets.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            return skippedAll(TARGETS + " names no target " + String.join(", ", unknown));
        }
        List<String> ids = new ArrayList<>(compounds.keySet());
        List<String> smiles = new ArrayList<>(compounds.values());
        Curation.Standardised structures = Curation.Standardised.of(smiles);
        Map<String, List<RawRow>> rows = new LinkedHashMap<>();
        Map<String, List<LoadIssue>> issues = new LinkedHashMap<>();
        for (String t : targets) {
            if (only.isEmpty() || only.contains(t)) {
                rows.put(t, new ArrayList<>());
                issues.put(t, new ArrayList<>());
            }
        }
        String[] name = targets.toArray(new String[0]);
        int lines;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(MATRIX), StandardCharsets.US_ASCII)) {
            lines = readMatrix(in, ids, smiles, name, rows, issues);
        } catch (IOException e) {
            return skippedAll("cannot read " + dir.resolve(MATRIX) + ": " + e.getMessage());
        }
        if (lines != ids.size()) {
            return skippedAll(MATRIX + " has " + lines + " rows but " + COMPOUNDS + " names " + ids.size()
                    + " compounds: the files do not belong together");
        }
        List<Dataset> datasets = new ArrayList<>();
        List<SkippedDataset> skipped = new ArrayList<>();
        String source = dir.resolve(MATRIX) + "#";
        for (Map.Entry<String, List<RawRow>> e : rows.entrySet()) {
            List<RawRow> targetRows = e.getValue();
            String[] canonical = new String[targetRows.size()];
            String[] failure = new String[targetRows.size()];
            for (int i = 0; i < targetRows.size(); i++) {
                canonical[i] = structures.canonical()[targetRows.get(i).row() - 1];
                failure[i] = structures.failure()[targetRows.get(i).row() - 1];
            }
            List<LoadIssue> targetIssues = issues.get(e.getKey());
            List<Compound> curated = Curation.merge(targetRows, canonical, failure, COMPOUNDS, "smiles", targetIssues);
            if (curated.size() < minCompounds) {
                skipped.add(new SkippedDataset(e.getKey(), source + e.getKey(), "only " + curated.size()
                        + " usable compounds measured; the minimum is " + minCompounds, targetIssues));
            } else {
                datasets.add(new Dataset(e.getKey(), source + e.getKey(), curated, targetIssues));
            }
        }
        return new Loaded(datasets, skipped);
    }

    /** Reads score lines into per-target rows (row = the compound's 1-based position); returns the line count. */
    private static int readMatrix(BufferedReader in, List<String> ids, List<String> smiles, String[] targets, Map<String, List<RawRow>> rows,
                                  Map<String, List<LoadIssue>> issues) throws IOException {
        int row = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            String[] cells = line.split("\t", -1);
            if (cells.length == targets.length + 1 && cells[targets.length].isBlank()) {
                cells = java.util.Arrays.copyOf(cells, targets.length); // KIBA's lines end in a tab
            }
            if (cells.length != targets.length) {
                for (List<LoadIssue> list : issues.values()) {
                    list.add(new LoadIssue(MATRIX, row, "", cells.length + " scores where " + targets.length
                            + " targets are named: row skipped"));
                }
                continue;
            }
            if (row > ids.size()) {
                continue; // counted: the caller reports the mismatch
            }
            for (int c = 0; c < cells.length; c++) {
                List<RawRow> target = rows.get(targets[c]);
                String cell = cells[c].strip();
                if (target == null || cell.equalsIgnoreCase("nan") || cell.isEmpty()) {
                    continue;
                }
                double score;
                try {
                    score = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    issues.get(targets[c]).add(new LoadIssue(MATRIX, row, targets[c], "'" + cell
                            + "' is not a number: cell skipped"));
                    continue;
                }
                target.add(new RawRow(row, ids.get(row - 1), smiles.get(row - 1), score, null));
            }
        }
        return row;
    }

    /** A JSON object of string values, in file order. */
    static Map<String, String> jsonObject(Path file) throws SkipFile {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SkipFile(file + " is not a JSON object of id -> text");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new SkipFile(file + ", entry '" + key + "': expected a string, found " + p.currentToken());
                }
                out.put(key, p.getText());
            }
        } catch (IOException e) {
            throw new SkipFile("cannot read " + file + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new SkipFile(file + " names nothing");
        }
        return out;
    }

    private Loaded skippedAll(String reason) {
        return new Loaded(List.of(), List.of(new SkippedDataset("kiba", folder, reason, List.of())));
    }
}
