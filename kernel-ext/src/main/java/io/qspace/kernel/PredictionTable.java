package io.qspace.kernel;

import io.qspace.results.ClassPrediction;
import io.qspace.results.Prediction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.qspace.validate.Interval;
import java.util.List;
import java.util.Locale;

/**
 * Predictions as a Tablesaw table: smiles, predicted, its conformal intervals ("80% interval": "6.12 to 7.88", one
 * column per confidence the predictions carry), domain score, in domain, error. A classifier's predictions show its
 * calibrated probability, the class called and one prediction set per confidence ("80% set": "active",
 * "inactive|active", or "none") in place of the intervals.
 */
public final class PredictionTable {

    private PredictionTable() {
    }

    public static Table of(List<Prediction> predictions) {
        if (predictions.stream().anyMatch(Prediction::classifies)) {
            return ofClasses(predictions);
        }
        Table table = Table.create("predictions", StringColumn.create("smiles"), DoubleColumn.create("predicted"));
        List<Interval> first = predictions.stream().filter(Prediction::ok).findFirst().map(Prediction::intervals)
                .orElse(List.of());
        for (Interval i : first) {
            table.addColumns(StringColumn.create(column(i)));
        }
        table.addColumns(DoubleColumn.create("domain_score"), BooleanColumn.create("in_domain"),
                StringColumn.create("error"));
        for (Prediction p : predictions) {
            table.stringColumn("smiles").append(p.smiles());
            table.doubleColumn("predicted").append(round(p.value()));
            for (Interval i : first) {
                Interval mine = p.ok() ? p.interval(i.confidence()) : null;
                table.stringColumn(column(i)).append(mine == null || !mine.known() ? ""
                        : String.format(Locale.ROOT, "%.2f to %.2f", mine.lower(), mine.upper()));
            }
            table.doubleColumn("domain_score").append(round(p.domainScore()));
            table.booleanColumn("in_domain").append(p.inDomain());
            table.stringColumn("error").append(p.error() == null ? "" : p.error());
        }
        return table;
    }

    private static Table ofClasses(List<Prediction> predictions) {
        Table table = Table.create("predictions", StringColumn.create("smiles"), DoubleColumn.create("probability"),
                StringColumn.create("class"));
        List<ClassPrediction.PredictionSet> first = predictions.stream().filter(p -> p.ok() && p.classifies())
                .findFirst().map(p -> p.classes().sets()).orElse(List.of());
        for (ClassPrediction.PredictionSet s : first) {
            table.addColumns(StringColumn.create(Interval.percent(s.confidence()) + "% set"));
        }
        table.addColumns(DoubleColumn.create("domain_score"), BooleanColumn.create("in_domain"),
                StringColumn.create("error"));
        for (Prediction p : predictions) {
            boolean known = p.ok() && p.classifies();
            table.stringColumn("smiles").append(p.smiles());
            table.doubleColumn("probability").append(known ? round(p.classes().probability()) : Double.NaN);
            table.stringColumn("class").append(known ? p.classes().predictedClass() : "");
            for (ClassPrediction.PredictionSet s : first) {
                String label = known ? p.classes().set(s.confidence()).label() : "";
                table.stringColumn(Interval.percent(s.confidence()) + "% set").append(known && label.isEmpty()
                        ? "none" : label);
            }
            table.doubleColumn("domain_score").append(round(p.domainScore()));
            table.booleanColumn("in_domain").append(p.inDomain());
            table.stringColumn("error").append(p.error() == null ? "" : p.error());
        }
        return table;
    }

    private static String column(Interval i) {
        return Interval.percent(i.confidence()) + "% interval";
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    /** True for a non-empty list holding predictions only: such a list renders as a table. */
    static boolean isPredictions(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(Prediction.class::isInstance);
    }
}
