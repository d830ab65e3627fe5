package io.qspace.kernel;

import tech.tablesaw.api.Table;

import java.util.function.Function;

/**
 * A Tablesaw table as an HTML table. Long tables show their head and tail only: a notebook output holding
 * a 100k-row descriptor matrix would freeze the browser and bloat the saved notebook.
 */
public final class TableHtml {

    public static final int DEFAULT_MAX_ROWS = 20;

    private final int maxRows;

    public TableHtml(int maxRows) {
        if (maxRows < 2) throw new IllegalArgumentException("maxRows must be at least 2, was " + maxRows);
        this.maxRows = maxRows;
    }

    public TableHtml() {
        this(DEFAULT_MAX_ROWS);
    }

    public String render(Table table) {
        return render(table, null, null);
    }

    /**
     * As {@link #render(Table)}, with the cells of one column drawn by {@code cellHtml} (which returns HTML) after
     * a column of the same name; the other cells are escaped text.
     */
    public String render(Table table, String drawnColumn, Function<String, String> cellHtml) {
        int rows = table.rowCount();
        int cols = table.columnCount();
        int drawn = drawnColumn == null ? -1 : table.columnIndex(drawnColumn);
        StringBuilder html = new StringBuilder(256 + rows * cols * 16);
        html.append("<div class=\"qspace-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<p><b>").append(Html.escape(table.name())).append("</b></p>");
        }
        html.append("<table class=\"dataframe\" border=\"1\"><thead><tr>");
        for (int c = 0; c < cols; c++) {
            if (c == drawn) html.append("<th>structure</th>");
            html.append("<th>").append(Html.escape(table.column(c).name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        boolean truncated = rows > maxRows;
        int head = truncated ? (maxRows + 1) / 2 : rows;
        int tail = truncated ? maxRows / 2 : 0;
        for (int r = 0; r < head; r++) row(html, table, r, drawn, cellHtml);
        if (truncated) {
            html.append("<tr>");
            for (int c = 0; c < cols + (drawn >= 0 ? 1 : 0); c++) html.append("<td>&hellip;</td>");
            html.append("</tr>");
            for (int r = rows - tail; r < rows; r++) row(html, table, r, drawn, cellHtml);
        }
        html.append("</tbody></table><p>").append(rows).append(" rows &times; ").append(cols)
                .append(" columns</p></div>");
        return html.toString();
    }

    /** Doubles to four decimals: 0.8976755252958257 is noise to a reader; the table keeps full precision. */
    private static String text(tech.tablesaw.columns.Column<?> column, int r) {
        if (column instanceof tech.tablesaw.api.DoubleColumn d && !d.isMissing(r)) {
            double v = d.getDouble(r);
            if (Double.isFinite(v) && Math.abs(v) < 1e9) return Double.toString(Math.round(v * 1e4) / 1e4);
        }
        return column.getString(r);
    }

    private static void row(StringBuilder html, Table table, int r, int drawn, Function<String, String> cellHtml) {
        html.append("<tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            String text = text(table.column(c), r);
            if (c == drawn) html.append("<td>").append(cellHtml.apply(text)).append("</td>");
            html.append("<td>").append(Html.escape(text)).append("</td>");
        }
        html.append("</tr>");
    }
}
