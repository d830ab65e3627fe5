package io.qspace.plan;

import io.qspace.results.Csv;
import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A model's stored test predictions (id,smiles,observed,predicted,ad_score,in_domain) read back, in the order of the
 * test rows, and the consensus's own written from its members'.
 */
record TestPredictions(double[] predicted, double[] adScore, boolean[] inDomain) {

    static TestPredictions parse(ObjectStore store, String testId, int rows) {
        String key = StoreKeys.predictions(testId);
        String[] lines = new String(store.require(key), StandardCharsets.UTF_8).split("\n");
        double[] predicted = new double[rows];
        double[] ad = new double[rows];
        boolean[] inside = new boolean[rows];
        int row = 0;
        for (int line = 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            if (row == rows) {
                throw new IllegalStateException("test predictions " + key + " have more than " + rows + " rows");
            }
            String[] tail = lastFields(lines[line], 4, key, line + 1);
            try {
                predicted[row] = Double.parseDouble(tail[2]);
                ad[row] = Double.parseDouble(tail[3]);
                inside[row] = Boolean.parseBoolean(tail[4]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("test predictions " + key + ", line " + (line + 1)
                        + ": 'predicted' or 'ad_score' is not a number in '" + lines[line] + "'", e);
            }
            row++;
        }
        if (row != rows) {
            throw new IllegalStateException("test predictions " + key + " have " + row + " rows, the test part "
                    + rows + ": delete the object and run the study again");
        }
        return new TestPredictions(predicted, ad, inside);
    }

    /**
     * The last {@code count} comma-separated fields of a line and everything before them as field 0 (which may be
     * quoted and hold commas; the last fields are numbers or words, never quoted).
     */
    static String[] lastFields(String line, int count, String key, int lineNumber) {
        String[] out = new String[count + 1];
        int end = line.length();
        for (int f = count; f >= 1; f--) {
            int comma = line.lastIndexOf(',', end - 1);
            if (comma < 0) {
                throw new IllegalStateException(key + ", line " + lineNumber + ": expected at least " + (count + 1)
                        + " comma-separated fields in '" + line + "'");
            }
            out[f] = line.substring(comma + 1, end).strip();
            end = comma;
        }
        String head = line.substring(0, end);
        out[0] = head.length() >= 2 && head.startsWith("\"") && head.endsWith("\"")
                ? head.substring(1, head.length() - 1).replace("\"\"", "\"") : head;
        return out;
    }

    /** The consensus's test predictions: its AD score is the members' mean, it is in the domain when all are. */
    static String csv(List<String> ids, List<String> smiles, double[] observed, double[] predicted,
                      List<TestPredictions> members) {
        StringBuilder out = new StringBuilder("id,smiles,observed,predicted,ad_score,in_domain\n");
        for (int i = 0; i < observed.length; i++) {
            double ad = 0;
            boolean inside = true;
            for (TestPredictions m : members) {
                ad += m.adScore[i] / members.size();
                inside &= m.inDomain[i];
            }
            out.append(Csv.row(List.of(ids.get(i), smiles.get(i), Double.toString(observed[i]),
                    Double.toString(predicted[i]), Double.toString(ad), Boolean.toString(inside)))).append('\n');
        }
        return out.toString();
    }
}
