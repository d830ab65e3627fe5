package io.qspace.kernel;

import io.qspace.validate.ClassificationMetrics;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plots a model-space study wants most, from results tables; each is an XChart chart that renders as PNG. */
public final class Plots {

    private Plots() {
    }

    /**
     * A metric per builder, one bar series per dataset: each bar is the builder's best feature set, the lowest value
     * for an error (rmse, mae) and the highest for a fit (q2, r2). {@code results} is {@code Results.table()}.
     */
    public static CategoryChart byBuilder(Table results, String metric) {
        requireColumns(results, "dataset", "builder", "status", metric);
        boolean lowerIsBetter = metric.contains("rmse") || metric.contains("mae") || metric.contains("brier");
        Map<String, Map<String, Double>> best = new TreeMap<>();
        TreeMap<String, Boolean> builders = new TreeMap<>();
        for (int i = 0; i < results.rowCount(); i++) {
            if (!"ok".equals(results.stringColumn("status").get(i))) continue;
            double v = results.numberColumn(metric).getDouble(i);
            if (!Double.isFinite(v)) continue;
            String builder = results.stringColumn("builder").get(i);
            builders.put(builder, true);
            best.computeIfAbsent(results.stringColumn("dataset").get(i), d -> new LinkedHashMap<>())
                    .merge(builder, v, lowerIsBetter ? Math::min : Math::max);
        }
        if (best.isEmpty()) {
            throw new IllegalArgumentException("no successful models with a value for " + metric
                    + ": look at results.failures() for what went wrong");
        }
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title((lowerIsBetter ? "lowest " : "highest ") + metric + " per builder")
                .xAxisTitle("builder").yAxisTitle(metric).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> xs = new ArrayList<>(builders.keySet());
        best.forEach((dataset, values) -> {
            List<Double> ys = new ArrayList<>();
            for (String b : xs) ys.add(values.getOrDefault(b, 0.0));
            chart.addSeries(dataset, xs, ys);
        });
        return chart;
    }

    /**
     * Predicted against observed activity, one series per entry (e.g. per dataset's best model), with the y = x line.
     * Each table is a {@code Results.testPredictions(model)}: columns observed and predicted, and when they are there
     * lower_80 and upper_80, drawn as error bars (the model's 80% conformal interval).
     */
    public static XYChart predictedVsObserved(Map<String, Table> predictions) {
        boolean bars = predictions.values().stream().anyMatch(t -> t.containsColumn("lower_80"));
        XYChart chart = new XYChartBuilder().width(520).height(420)
                .title("test set: predicted vs observed" + (bars ? " (bars: 80% interval)" : ""))
                .xAxisTitle("observed").yAxisTitle("predicted").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Table> e : predictions.entrySet()) {
            Table t = e.getValue();
            requireColumns(t, "observed", "predicted");
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> half = new ArrayList<>();
            boolean withBars = t.containsColumn("lower_80") && t.containsColumn("upper_80");
            for (int i = 0; i < t.rowCount(); i++) {
                double o = t.numberColumn("observed").getDouble(i);
                double p = t.numberColumn("predicted").getDouble(i);
                if (!Double.isFinite(o) || !Double.isFinite(p)) continue;
                double h = withBars ? (t.numberColumn("upper_80").getDouble(i) - t.numberColumn("lower_80").getDouble(i)) / 2 : 0;
                x.add(o);
                y.add(p);
                half.add(Double.isFinite(h) ? h : 0);
                lo = Math.min(lo, Math.min(o, p - half.get(half.size() - 1)));
                hi = Math.max(hi, Math.max(o, p + half.get(half.size() - 1)));
            }
            if (!x.isEmpty()) {
                if (withBars) {
                    chart.addSeries(e.getKey(), x, y, half); // the conformal interval is symmetric about the prediction
                } else {
                    chart.addSeries(e.getKey(), x, y);
                }
            }
        }
        if (lo <= hi) {
            XYSeries identity = chart.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
            identity.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            identity.setMarker(SeriesMarkers.NONE);
            identity.setLineColor(java.awt.Color.GRAY);
        }
        return chart;
    }

    /**
     * ROC curves of classifiers' test predictions, one series per entry (e.g. per dataset's best model), with the
     * chance diagonal; each legend names its area. Each table is a {@code Results.testPredictions(model)} of a
     * classifier: observed classes (0, 1) and predicted probabilities.
     */
    public static XYChart roc(Map<String, Table> predictions) {
        XYChart chart = curveChart("test set: ROC curve", "false positive rate", "true positive rate");
        for (Map.Entry<String, Table> e : predictions.entrySet()) {
            double[][] xy = observedAndPredicted(e.getValue());
            double[][] curve = ClassificationMetrics.rocCurve(xy[0], xy[1]);
            XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", e.getKey(),
                    ClassificationMetrics.rocAuc(xy[0], xy[1])), curve[0], curve[1]);
            s.setMarker(SeriesMarkers.NONE);
        }
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(java.awt.Color.GRAY);
        return chart;
    }

    /**
     * Precision-recall curves of classifiers' test predictions (as {@link #roc}), each legend naming its average
     * precision, with the active fraction of the first table as the chance line.
     */
    public static XYChart precisionRecall(Map<String, Table> predictions) {
        XYChart chart = curveChart("test set: precision-recall curve", "recall", "precision");
        double base = Double.NaN;
        for (Map.Entry<String, Table> e : predictions.entrySet()) {
            double[][] xy = observedAndPredicted(e.getValue());
            double[][] curve = ClassificationMetrics.precisionRecallCurve(xy[0], xy[1]);
            XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (AP %.3f)", e.getKey(),
                    ClassificationMetrics.prAuc(xy[0], xy[1])), curve[0], curve[1]);
            s.setMarker(SeriesMarkers.NONE);
            if (Double.isNaN(base)) {
                base = java.util.Arrays.stream(xy[0]).average().orElse(Double.NaN);
            }
        }
        if (!Double.isNaN(base)) {
            XYSeries chance = chart.addSeries("active fraction", new double[] {0, 1}, new double[] {base, base});
            chance.setMarker(SeriesMarkers.NONE);
            chance.setLineColor(java.awt.Color.GRAY);
        }
        return chart;
    }

    /**
     * The confusion matrix of a classifier's test predictions at a calibrated probability of 0.5: one row per
     * observed class, one column per predicted class, counts. {@code predictions} is {@code Results.testPredictions}
     * of a classifier (columns observed and probability); classes are its names, inactive first
     * ({@code model.classCalibration().classes()}).
     */
    public static Table confusionMatrix(Table predictions, List<String> classes) {
        requireColumns(predictions, "observed", "probability");
        double[] observed = predictions.numberColumn("observed").asDoubleArray();
        double[] probability = predictions.numberColumn("probability").asDoubleArray();
        long[] c = ClassificationMetrics.confusion(observed, probability); // tp, fp, fn, tn
        Table t = Table.create("confusion matrix (test set, probability >= 0.5)",
                tech.tablesaw.api.StringColumn.create("observed \\ predicted", List.of(classes.get(0), classes.get(1))),
                tech.tablesaw.api.IntColumn.create(classes.get(0), (int) c[3], (int) c[2]),
                tech.tablesaw.api.IntColumn.create(classes.get(1), (int) c[1], (int) c[0]));
        return t;
    }

    private static XYChart curveChart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(520).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    private static double[][] observedAndPredicted(Table t) {
        requireColumns(t, "observed", "predicted");
        return new double[][] {t.numberColumn("observed").asDoubleArray(), t.numberColumn("predicted").asDoubleArray()};
    }

    private static void requireColumns(Table table, String... names) {
        for (String name : names) {
            if (!table.containsColumn(name)) {
                throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name
                        + "'; its columns are " + table.columnNames());
            }
        }
    }
}
