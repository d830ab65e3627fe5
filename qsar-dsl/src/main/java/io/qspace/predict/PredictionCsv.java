package io.qspace.predict;

import io.qspace.results.Csv;
import io.qspace.results.Prediction;
import io.qspace.validate.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV columns of a prediction, one place for every writer (the command line and prediction files):
 * predicted, lower_80, upper_80, lower_90, upper_90 (one pair per confidence), ad_score, in_domain, error.
 * Values are written whole ({@code Double.toString}); a structure that could not be read leaves them empty and
 * says why on one line.
 */
public final class PredictionCsv {
    private PredictionCsv() {}

    public static List<String> header(List<Double> confidences) {
        List<String> columns = new ArrayList<>(List.of("predicted"));
        for (double c : confidences) {
            columns.add("lower_" + Interval.percent(c));
            columns.add("upper_" + Interval.percent(c));
        }
        columns.addAll(List.of("ad_score", "in_domain", "error"));
        return columns;
    }

    public static List<String> fields(Prediction p, List<Double> confidences) {
        List<String> fields = new ArrayList<>();
        fields.add(p.ok() ? Double.toString(p.value()) : "");
        for (double c : confidences) {
            Interval i = p.ok() ? p.interval(c) : null;
            fields.add(i != null && i.known() ? Double.toString(i.lower()) : "");
            fields.add(i != null && i.known() ? Double.toString(i.upper()) : "");
        }
        fields.add(p.ok() ? Double.toString(p.domainScore()) : "");
        fields.add(Boolean.toString(p.inDomain()));
        fields.add(p.ok() ? "" : oneLine(p.error()));
        return fields;
    }

    /** A CSV line: the leading fields (e.g. id, smiles), then the prediction's. */
    public static String line(List<String> leading, Prediction p, List<Double> confidences) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(fields(p, confidences));
        return Csv.row(all);
    }

    public static String headerLine(List<String> leading, List<Double> confidences) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(header(confidences));
        return Csv.row(all);
    }

    /** one prediction, one line: a terminal and grep read it, and it is still valid CSV */
    static String oneLine(String error) {
        return error == null ? "" : error.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** "0.8,0.9" into confidences, each between 0 and 1. */
    public static List<Double> confidences(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            double c;
            try {
                c = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--confidence needs numbers such as 0.8,0.9, not '" + part + "'");
            }
            if (!(c > 0 && c < 1)) {
                throw new IllegalArgumentException("--confidence " + part + ": expected a value between 0 and 1,"
                        + " e.g. 0.9 for a 90% interval");
            }
            out.add(c);
        }
        return out;
    }
}
