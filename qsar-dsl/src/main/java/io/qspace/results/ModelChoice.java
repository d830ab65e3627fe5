package io.qspace.results;

import io.qspace.validate.Metric;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The order of a dataset's models, the one rule for every "best model" in results and the model library: by the CV
 * metric that chose them (the chosen_by column: lowest RMSE for a regression, highest ROC-AUC for a classification
 * unless the study named another), never by the test set. Rows written before chosen_by existed rank by CV RMSE.
 */
final class ModelChoice {
    private ModelChoice() {}

    private static final String KEY = "__cv_rank";

    /** The metric that ranks one row. */
    static Metric metric(Table t, int row) {
        return metric(t.containsColumn("chosen_by") ? t.stringColumn("chosen_by").get(row) : "");
    }

    /** The metric of a chosen_by value: RMSE for a row written before the column existed. */
    static Metric metric(String chosenBy) {
        return chosenBy == null || chosenBy.isEmpty() ? Metric.RMSE : Metric.named(chosenBy);
    }

    /** The row's rank key: lower is better whatever the metric's direction, a missing value last. */
    static double key(Table t, int row) {
        Metric m = metric(t, row);
        String column = "cv_" + m.label();
        double value = t.numberColumn(column).isMissing(row) ? Double.NaN : t.numberColumn(column).getDouble(row);
        return m.ascendingKey(value);
    }

    /** The rows sorted by dataset, then best model first (ties: in table order). */
    static Table sorted(Table t) {
        Table copy = t.copy();
        DoubleColumn key = DoubleColumn.create(KEY, t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            key.set(i, key(t, i));
        }
        copy.addColumns(key);
        Table out = copy.sortOn("dataset", KEY);
        out.removeColumns(KEY);
        out.setName(t.name());
        return out;
    }
}
