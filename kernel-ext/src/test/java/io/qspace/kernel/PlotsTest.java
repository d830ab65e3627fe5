package io.qspace.kernel;

import io.qspace.run.Progress;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PlotsTest {

    static Table results() {
        return Table.create("r",
                StringColumn.create("dataset", "a", "a", "a", "b"),
                StringColumn.create("builder", "pls", "pls", "rf", "pls"),
                StringColumn.create("status", "ok", "ok", "ok", "failed"),
                DoubleColumn.create("cv_rmse", 0.9, 0.7, 0.8, Double.NaN));
    }

    @Test
    void byBuilderTakesEachBuildersBestFeatureSetAndSkipsFailures() {
        CategoryChart chart = Plots.byBuilder(results(), "cv_rmse");
        var series = List.copyOf(chart.getSeriesCollection());
        assertEquals(1, series.size(), "the failed dataset has no series");
        assertEquals("a", series.get(0).getName());
        assertArrayEquals(new double[]{0.7, 0.8}, series.get(0).getYData(), 1e-12, "lowest RMSE of pls, then rf");
    }

    @Test
    void byBuilderSaysWhatToDoWhenNothingSucceeded() {
        Table failed = results().where(results().stringColumn("status").isEqualTo("failed"));
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.byBuilder(failed, "cv_rmse"));
        assertTrue(e.getMessage().contains("results.failures()"), e.getMessage());
    }

    @Test
    void theTestPlotDrawsThe80PercentIntervalsAsErrorBarsWhenTheTableHasThem() {
        Table withIntervals = Table.create("t", DoubleColumn.create("observed", 6.0, 7.0),
                DoubleColumn.create("predicted", 6.5, 6.8), DoubleColumn.create("lower_80", 5.5, 6.0),
                DoubleColumn.create("upper_80", 7.5, 7.6));
        Table without = withIntervals.selectColumns("observed", "predicted");
        var chart = Plots.predictedVsObserved(java.util.Map.of("a", withIntervals));
        var series = chart.getSeriesCollection().stream().filter(s -> s.getName().equals("a")).findFirst().orElseThrow();
        assertArrayEquals(new double[]{1.0, 0.8}, series.getExtraValues(), 1e-12, "half the interval's width");
        assertTrue(chart.getTitle().contains("80% interval"), chart.getTitle());
        byte[] png = new ChartPng().render(chart);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "renders with its bars");
        var plain = Plots.predictedVsObserved(java.util.Map.of("a", without));
        assertNull(plain.getSeriesCollection().stream().filter(s -> s.getName().equals("a")).findFirst().orElseThrow().getExtraValues());
        assertFalse(plain.getTitle().contains("interval"));
    }

    @Test
    void progressBarWidthFollowsTheFractionAndTextIsEscaped() {
        Progress p = new Progress("a<b", 4, 0, 1, 1, 0, 0, Duration.ofSeconds(3));
        String html = new ProgressHtml().render(p, false);
        assertTrue(html.contains("width:25%"), html);
        assertTrue(html.contains("a&lt;b: 1/4"), html);
        assertFalse(html.contains("- done"), html);
        assertTrue(new ProgressHtml().render(p, true).contains("- done"));
    }

    private static Table classified() {
        return Table.create("test",
                tech.tablesaw.api.DoubleColumn.create("observed", 1, 0, 1, 1, 0, 0),
                tech.tablesaw.api.DoubleColumn.create("predicted", 0.9, 0.2, 0.6, 0.3, 0.7, 0.1),
                tech.tablesaw.api.DoubleColumn.create("probability", 0.85, 0.25, 0.55, 0.35, 0.65, 0.15));
    }

    @Test
    void rocAndPrecisionRecallCurvesNameTheirAreas() {
        var roc = Plots.roc(java.util.Map.of("BZR", classified()));
        // actives 0.9, 0.6, 0.3; inactives 0.7, 0.2, 0.1: 7 of 9 pairs in order
        List<String> rocSeries = roc.getSeriesCollection().stream().map(x -> x.getName()).toList();
        assertTrue(rocSeries.contains("BZR (AUC 0.778)") && rocSeries.contains("chance"), rocSeries.toString());
        var pr = Plots.precisionRecall(java.util.Map.of("BZR", classified()));
        List<String> prSeries = pr.getSeriesCollection().stream().map(x -> x.getName()).toList();
        assertTrue(prSeries.stream().anyMatch(k -> k.startsWith("BZR (AP ")) && prSeries.contains("active fraction"),
                prSeries.toString());
        assertTrue(new ChartPng().render(roc).length > 1000, "the ROC chart renders as PNG");
    }

    @Test
    void theConfusionMatrixCountsAtOneHalf() {
        Table m = Plots.confusionMatrix(classified(), java.util.List.of("inactive", "active"));
        // calibrated: actives 0.85, 0.55 called active, 0.35 not; inactive 0.65 called active
        assertEquals(java.util.List.of("inactive", "active"), m.stringColumn(0).asList());
        assertEquals(2, m.intColumn("inactive").get(0), "true negatives");
        assertEquals(1, m.intColumn("active").get(0), "false positives");
        assertEquals(1, m.intColumn("inactive").get(1), "false negatives");
        assertEquals(2, m.intColumn("active").get(1), "true positives");
    }
}
