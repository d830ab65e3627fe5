package io.qspace.kernel;

import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a study's results show in a notebook: the run summary, the leaderboard (best model per dataset by CV) and a
 * predicted-versus-observed plot of those models' test sets. The plot is an inline PNG inside the HTML because a
 * front end shows only one MIME type of a bundle.
 */
final class ResultsHtml {

    /** A plot of more datasets than this is unreadable; the leaderboard still lists them all. */
    static final int MAX_PLOTTED_DATASETS = 6;

    private final TableHtml tableHtml = new TableHtml(40);
    private final ChartPng chartPng = new ChartPng();

    String render(Results results) {
        StringBuilder html = new StringBuilder("<div class=\"qspace-results\">");
        html.append("<p><b>").append(Html.escape(results.study())).append("</b>: ")
                .append(results.table().rowCount()).append(" models, ").append(results.executed())
                .append(" invocations executed, ").append(results.reused()).append(" reused, ")
                .append(results.failed()).append(" failed</p>");
        Table leaderboard = results.leaderboard();
        if (leaderboard.rowCount() == 0) {
            html.append("<p>No model was made. What failed and why (all of it in <code>results.failures()</code>):"
                    + "</p>").append(tableHtml.render(results.failures()
                    .selectColumns("dataset", "feature_set", "builder", "error"))).append("</div>");
            return html.toString();
        }
        html.append(tableHtml.render(rounded(leaderboard)));
        for (String note : results.leaderboardNotes()) {
            html.append("<p><i>").append(Html.escape(note)).append("</i></p>");
        }
        Map<String, Table> predictions = new LinkedHashMap<>();
        Map<String, Table> classified = new LinkedHashMap<>(); // classifiers' test parts: a ROC curve, not a scatter
        StringBuilder notes = new StringBuilder();
        for (String dataset : leaderboard.stringColumn("dataset").asList()) {
            if (predictions.size() + classified.size() == MAX_PLOTTED_DATASETS) break;
            try {
                StoredModel best = results.best(dataset);
                (best.classifies() ? classified : predictions).put(dataset + " (" + best.provenance().builder() + ")",
                        results.testPredictions(best));
            } catch (RuntimeException e) {
                // e.g. a model made by a builder defined in an earlier kernel session: its class is gone
                notes.append("<p><i>").append(Html.escape(dataset)).append(": no test plot (")
                        .append(Html.escape(e.getMessage())).append(")</i></p>");
            }
        }
        if (!predictions.isEmpty()) {
            html.append("<img alt=\"predicted vs observed\" src=\"data:image/png;base64,")
                    .append(chartPng.renderBase64(Plots.predictedVsObserved(predictions))).append("\"/>");
        }
        if (!classified.isEmpty()) {
            html.append("<img alt=\"ROC curve\" src=\"data:image/png;base64,")
                    .append(chartPng.renderBase64(Plots.roc(classified))).append("\"/>");
        }
        return html.append(notes).append("</div>").toString();
    }

    /** Three decimals are what a reader compares; the stored table keeps full precision. */
    static Table rounded(Table table) {
        Table copy = table.copy();
        for (var column : copy.columns()) {
            if (column instanceof tech.tablesaw.api.DoubleColumn d) {
                d.set(d.isNotMissing(), d.multiply(1000).round().divide(1000));
            }
        }
        return copy;
    }
}
