package io.qspace.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a table hold the structure, activity, id and split, and the rows they give. Columns the user named
 * must exist; columns left unnamed are guessed only when the header leaves no doubt.
 */
final class TableColumns {
    /** Activity headers that are already on a log scale, in MoleculeACE, ChEMBL and common exports. */
    static final List<String> LOG_ACTIVITY_NAMES = List.of("y [pEC50/pKi]", "pchembl_value", "pIC50", "pKi", "pKd",
            "pEC50", "pActivity", "activity");
    static final List<String> ID_NAMES = List.of("id", "chembl_id", "molecule_chembl_id", "compound_id", "name");

    private final int smiles;
    private final int activity;
    private final int id;
    private final int split;
    private final TextTable table;

    private TableColumns(TextTable table, int smiles, int activity, int id, int split) {
        this.table = table;
        this.smiles = smiles;
        this.activity = activity;
        this.id = id;
        this.split = split;
    }

    /**
     * @param activityName null to guess: a single column with a log-activity name, else the single column left over
     * @param idName       null to use a column with a common id name when there is one
     * @param splitName    null to use a column called "split" when there is one
     */
    static TableColumns find(TextTable table, String fileName, String smilesName, String activityName, String idName,
                             String splitName) throws SkipFile {
        int smiles = required(table, fileName, smilesName, "SMILES");
        int id = idName != null ? required(table, fileName, idName, "id") : firstOf(table, ID_NAMES);
        int split = splitName != null ? required(table, fileName, splitName, "split") : table.column("split");
        int activity = activityName != null
                ? required(table, fileName, activityName, "activity")
                : guessActivity(table, fileName, smiles, id, split);
        return new TableColumns(table, smiles, activity, id, split);
    }

    String smilesField() {
        return table.header().get(smiles);
    }

    /** Rows with a usable activity and split; the rest become issues. Structures are checked later, by curation. */
    List<RawRow> rows(String fileName, boolean fromNanomolar, List<LoadIssue> issues) {
        return rows(fileName, fromNanomolar, false, issues);
    }

    /**
     * @param labels the activity column holds class labels (kept as text for a {@link ClassRule.Label}), not numbers
     */
    List<RawRow> rows(String fileName, boolean fromNanomolar, boolean labels, List<LoadIssue> issues) {
        List<RawRow> rows = new ArrayList<>();
        String activityField = table.header().get(activity);
        for (TextTable.Line line : table.lines()) {
            String smilesText = line.cell(smiles);
            if (smilesText.isEmpty()) {
                issues.add(new LoadIssue(fileName, line.row(), smilesField(), "empty SMILES; row skipped"));
                continue;
            }
            String label = labels ? line.cell(activity).trim() : null;
            if (labels && label.isEmpty()) {
                issues.add(new LoadIssue(fileName, line.row(), activityField, "empty label; row skipped"));
                continue;
            }
            Double value = labels ? Double.valueOf(Double.NaN) : Activities.parse(line.cell(activity), fromNanomolar,
                    fileName, line.row(), activityField, issues);
            if (value == null) {
                continue;
            }
            String givenSplit = null;
            if (split >= 0) {
                givenSplit = Activities.split(line.cell(split), fileName, line.row(), table.header().get(split), issues);
                if (givenSplit == null) {
                    continue;
                }
            }
            String idText = id >= 0 && !line.cell(id).isEmpty() ? line.cell(id) : null;
            rows.add(new RawRow(line.row(), idText, smilesText, value, givenSplit, label));
        }
        return rows;
    }

    private static int required(TextTable table, String fileName, String name, String role) throws SkipFile {
        int column = table.column(name);
        if (column < 0) {
            throw new SkipFile(fileName + " has no " + role + " column '" + name + "'; available columns: "
                    + String.join(", ", table.header()));
        }
        return column;
    }

    private static int firstOf(TextTable table, List<String> names) {
        for (String name : names) {
            int column = table.column(name);
            if (column >= 0) {
                return column;
            }
        }
        return -1;
    }

    private static int guessActivity(TextTable table, String fileName, int smiles, int id, int split) throws SkipFile {
        List<Integer> named = new ArrayList<>();
        List<Integer> leftOver = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String header = table.header().get(i).trim().toLowerCase(Locale.ROOT);
            if (LOG_ACTIVITY_NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(header))) {
                named.add(i);
            }
            if (i != smiles && i != id && i != split) {
                leftOver.add(i);
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty() && leftOver.size() == 1) {
            return leftOver.get(0);
        }
        throw new SkipFile(fileName + ": cannot tell which column holds the activity; name it with .activity(...)."
                + " Available columns: " + String.join(", ", table.header()));
    }
}
