package io.qspace.plan;

import io.qspace.results.ClassPrediction;
import io.qspace.results.Csv;
import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import io.qspace.validate.ClassCalibration;
import io.qspace.validate.Conformal;
import io.qspace.validate.Interval;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's test predictions (id,smiles,observed,predicted,ad_score,in_domain, and a classifier's class columns after
 * them), as a test step writes them and a consensus reads its members' back in the order of the test rows; the
 * consensus's own are made from its members' ({@link #consensus}) and written the same way ({@link #csv}).
 *
 * @param predicted the model's predictions: a classifier's raw probabilities of class 1
 */
record TestPredictions(double[] predicted, double[] adScore, boolean[] inDomain) {

    static TestPredictions parse(ObjectStore store, String testId, int rows) {
        String key = StoreKeys.predictions(testId);
        String[] lines = new String(store.require(key), StandardCharsets.UTF_8).split("\n");
        // the columns from observed on: 4 for a regression, more for a classifier's class columns after in_domain
        int tailFields = lines[0].strip().split(",").length - 2;
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
            String[] tail = lastFields(lines[line], tailFields, key, line + 1);
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

    /** A consensus's: its members' mean prediction, their mean AD score, in the domain when every member is. */
    static TestPredictions consensus(double[] predicted, List<TestPredictions> members) {
        double[] ad = new double[predicted.length];
        boolean[] inside = new boolean[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            inside[i] = true;
            for (TestPredictions m : members) {
                ad[i] += m.adScore[i] / members.size();
                inside[i] &= m.inDomain[i];
            }
        }
        return new TestPredictions(predicted, ad, inside);
    }

    /**
     * id, smiles, observed, predicted, ad_score, in_domain; for a classifier then its calibrated probability, the
     * class called at 0.5 and its prediction sets (set_80, set_90: "active", "inactive|active" or "" for none).
     *
     * @param classes a classifier's calibration, null for a regression
     */
    String csv(List<String> ids, List<String> smiles, double[] observed, ClassCalibration classes) {
        StringBuilder out = new StringBuilder("id,smiles,observed,predicted,ad_score,in_domain");
        if (classes != null) {
            out.append(",probability,predicted_class");
            for (double c : Conformal.DEFAULT_CONFIDENCES) {
                out.append(",set_").append(Interval.percent(c));
            }
        }
        out.append('\n');
        for (int i = 0; i < observed.length; i++) {
            List<String> fields = new ArrayList<>(List.of(ids.get(i), smiles.get(i), Double.toString(observed[i]),
                    Double.toString(predicted[i]), Double.toString(adScore[i]), Boolean.toString(inDomain[i])));
            if (classes != null) {
                ClassPrediction p = ClassPrediction.of(classes, predicted[i], Conformal.DEFAULT_CONFIDENCES);
                fields.add(Double.toString(p.probability()));
                fields.add(p.predictedClass());
                p.sets().forEach(set -> fields.add(set.label()));
            }
            out.append(Csv.row(fields)).append('\n');
        }
        return out.toString();
    }
}
