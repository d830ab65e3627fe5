package io.qspace.kernel;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TableHtmlTest {

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    private static Table numbers(int rows) {
        return Table.create("numbers",
                IntColumn.create("id", IntStream.range(0, rows).toArray()),
                DoubleColumn.create("pIC50", IntStream.range(0, rows).mapToDouble(i -> i / 2.0).toArray()));
    }

    @Test
    void shortTableHasHeaderRowAndOneRowPerRecord() {
        String html = new TableHtml(20).render(numbers(3));
        assertEquals(1 + 3, count(html, "<tr>"));
        assertEquals(2, count(html, "<th>"));
        assertTrue(html.contains("<td>0.5</td>"), html);
        String rounded = new TableHtml().render(Table.create("r", DoubleColumn.create("x", 0.8976755252958257, 2.0)));
        assertTrue(rounded.contains("<td>0.8977</td>") && rounded.contains("<td>2.0</td>"), rounded);
        assertTrue(html.contains("3 rows &times; 2 columns"), html);
        assertFalse(html.contains("&hellip;"), html);
    }

    @Test
    void longTableShowsHeadAndTailAndTheFullShape() {
        String html = new TableHtml(10).render(numbers(1000));
        // header + 5 head + ellipsis row + 5 tail
        assertEquals(1 + 5 + 1 + 5, count(html, "<tr>"));
        assertTrue(html.contains("<td>4</td>") && html.contains("<td>995</td>") && html.contains("<td>999</td>"), html);
        assertFalse(html.contains("<td>5</td>") || html.contains("<td>994</td>"), html);
        assertTrue(html.contains("1000 rows &times; 2 columns"), html);
    }

    @Test
    void oddLimitPutsTheExtraRowInTheHead() {
        String html = new TableHtml(3).render(numbers(10));
        assertEquals(1 + 2 + 1 + 1, count(html, "<tr>"));
        assertTrue(html.contains("<td>1</td>") && html.contains("<td>9</td>") && !html.contains("<td>8</td>"), html);
    }

    @Test
    void cellTextAndColumnNamesAreEscaped() {
        Table t = Table.create("<b>name</b>",
                StringColumn.create("a<b", new String[]{"<script>alert('x')</script>", "Tom & \"Jerry\""}));
        String html = new TableHtml().render(t);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>name</b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("Tom &amp; &quot;Jerry&quot;"), html);
        assertTrue(html.contains("<th>a&lt;b</th>"), html);
    }

    @Test
    void emptyTableStillShowsItsColumns() {
        String html = new TableHtml().render(numbers(0));
        assertEquals(1, count(html, "<tr>"));
        assertTrue(html.contains("0 rows &times; 2 columns"), html);
    }

    @Test
    void rejectsALimitThatCannotShowHeadAndTail() {
        assertThrows(IllegalArgumentException.class, () -> new TableHtml(1));
    }
}
