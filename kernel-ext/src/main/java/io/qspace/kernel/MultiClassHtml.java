package io.qspace.kernel;

import io.qspace.results.MultiClassResults;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How a file of three or more classes, judged together, shows in a notebook: what it is, its metrics on the test
 * part and its confusion matrix (rows observed, columns predicted).
 */
final class MultiClassHtml {
    private final TableHtml tableHtml = new TableHtml();

    String render(MultiClassResults classes) {
        StringBuilder html = new StringBuilder("<div class=\"qspace-multiclass\">");
        html.append("<p><b>").append(Html.escape(classes.file())).append("</b>: ").append(classes.classes().size())
                .append(" classes (").append(Html.escape(String.join(", ", classes.classes())))
                .append("), each by its own model against the rest, judged together on ")
                .append(classes.predictions().rowCount()).append(" test compounds</p>");
        Table metrics = Table.create("metrics"); // one row: a column per metric
        classes.metrics().forEach((name, value) -> metrics.addColumns(
                StringColumn.create(name, String.format(Locale.ROOT, "%.3f", value))));
        html.append(tableHtml.render(metrics));
        html.append(tableHtml.render(classes.confusion()));
        return html.append("</div>").toString();
    }
}
