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
 * says why on one line. When a classifier is among the models, four more columns follow in_domain: probability
 * (calibrated, of the active class), predicted_class, and set_80, set_90 (the Mondrian prediction sets, classes
 * joined by '|', empty for none); a regression's line leaves them empty and a classifier's leaves the intervals empty.
 */
public final class PredictionCsv {
    private PredictionCsv() {}

    public static List<String> header(List<Double> confidences) {
        return header(confidences, false);
    }

    /** @param classes some model is a classifier: add its probability, class and prediction-set columns */
    public static List<String> header(List<Double> confidences, boolean classes) {
        List<String> columns = new ArrayList<>(List.of("predicted"));
        for (double c : confidences) {
            columns.add("lower_" + Interval.percent(c));
            columns.add("upper_" + Interval.percent(c));
        }
        columns.addAll(List.of("ad_score", "in_domain"));
        if (classes) {
            columns.addAll(List.of("probability", "predicted_class"));
            for (double c : confidences) {
                columns.add("set_" + Interval.percent(c));
            }
        }
        columns.add("error");
        return columns;
    }

    public static List<String> fields(Prediction p, List<Double> confidences) {
        return fields(p, confidences, false);
    }

    public static List<String> fields(Prediction p, List<Double> confidences, boolean classes) {
        List<String> fields = new ArrayList<>();
        fields.add(p.ok() ? Double.toString(p.value()) : "");
        for (double c : confidences) {
            Interval i = p.ok() && !p.classifies() ? p.interval(c) : null;
            fields.add(i != null && i.known() ? Double.toString(i.lower()) : "");
            fields.add(i != null && i.known() ? Double.toString(i.upper()) : "");
        }
        fields.add(p.ok() ? Double.toString(p.domainScore()) : "");
        fields.add(Boolean.toString(p.inDomain()));
        if (classes) {
            boolean known = p.ok() && p.classifies();
            fields.add(known ? Double.toString(p.classes().probability()) : "");
            fields.add(known ? p.classes().predictedClass() : "");
            for (double c : confidences) {
                fields.add(known ? p.classes().set(c).label() : "");
            }
        }
        fields.add(p.ok() ? "" : oneLine(p.error()));
        return fields;
    }

    /**
     * The columns of a file of classes' answer ({@link MultiClassModel}): predicted, p_ per class, set_ per
     * confidence, in_domain, error.
     */
    public static List<String> header(io.qspace.results.MultiClassModel classes, List<Double> confidences) {
        List<String> out = new ArrayList<>(List.of("predicted"));
        classes.classes().forEach(c -> out.add("p_" + c));
        confidences.forEach(c -> out.add("set_" + Interval.percent(c)));
        out.addAll(List.of("in_domain", "error"));
        return out;
    }

    /** A file of classes' answer under {@link #header(io.qspace.results.MultiClassModel, List)}. */
    public static List<String> fields(io.qspace.results.MultiClassModel.Answer answer) {
        List<String> out = new ArrayList<>(List.of(answer.predicted()));
        for (double p : answer.probabilities()) {
            out.add(Double.isNaN(p) ? "" : Double.toString(p));
        }
        out.addAll(answer.sets().values());
        out.add(Boolean.toString(answer.inDomain()));
        out.add(oneLine(answer.error()));
        return out;
    }

    /** A CSV line: the leading fields (e.g. id, smiles), then the prediction's. */
    public static String line(List<String> leading, Prediction p, List<Double> confidences) {
        return line(leading, p, confidences, false);
    }

    public static String line(List<String> leading, Prediction p, List<Double> confidences, boolean classes) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(fields(p, confidences, classes));
        return Csv.row(all);
    }

    public static String headerLine(List<String> leading, List<Double> confidences) {
        return headerLine(leading, confidences, false);
    }

    public static String headerLine(List<String> leading, List<Double> confidences, boolean classes) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(header(confidences, classes));
        return Csv.row(all);
    }

    /** one prediction, one line: a terminal and grep read it, and it is still valid CSV */
    public static String oneLine(String error) {
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
