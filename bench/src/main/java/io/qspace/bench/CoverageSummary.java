package io.qspace.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coverage benchmark's report (bench/COVERAGE.md) from the per-set CSVs of {@link CoverageBench}: for each
 * calibration mode and confidence, the pooled coverage over every test compound, the coverage and median width per
 * set, the worst set, and whether the targets hold (pooled within 3 points of nominal, every set within 10).
 *
 * <pre>java ... io.qspace.bench.CoverageSummary RUNS_DIR SETS(comma) TITLE COMMAND OUT.md OUT.json</pre>
 */
public final class CoverageSummary {
    private CoverageSummary() {}

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        List<String> sets = List.of(args[1].split(","));
        String title = args[2];
        String command = args[3];
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        String[] header = null;
        for (String set : sets) {
            Path csv = runs.resolve(set + ".csv");
            if (!Files.exists(csv)) {
                continue;
            }
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            header = lines.get(0).split(",");
            rows.put(set, lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList());
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no finished set under " + runs);
        }
        List<String> cols = List.of(header);
        StringBuilder md = new StringBuilder("# " + title + "\n\n`" + command + "`: " + rows.size() + " of "
                + sets.size() + " sets finished, " + rows.values().stream().mapToInt(List::size).sum()
                + " test compounds. Coverage = share of test compounds whose measured activity lies in the interval;"
                + " width = upper - lower, in log units.\n\n");
        StringBuilder json = new StringBuilder("{\n  \"command\": \"" + command + "\",\n  \"sets\": " + rows.size()
                + ",\n  \"summary\": [\n");
        List<String> perSet = new ArrayList<>();
        boolean firstJson = true;
        md.append("| mode | confidence | pooled coverage | sets within 10 points | worst set | median width (median of"
                + " per-set medians) |\n|---|---|---|---|---|---|\n");
        for (String mode : List.of("normalised", "absolute")) {
            for (String c : List.of("80", "90")) {
                int lo = cols.indexOf("lower_" + mode + "_" + c);
                int hi = cols.indexOf("upper_" + mode + "_" + c);
                int obs = cols.indexOf("observed");
                double nominal = Integer.parseInt(c) / 100.0;
                long covered = 0;
                long total = 0;
                int within = 0;
                String worst = "";
                double worstGap = -1;
                List<Double> medians = new ArrayList<>();
                List<String> setLines = new ArrayList<>();
                for (var e : rows.entrySet()) {
                    int setCovered = 0;
                    double[] widths = new double[e.getValue().size()];
                    int k = 0;
                    for (String[] r : e.getValue()) {
                        double y = Double.parseDouble(r[obs]);
                        double l = Double.parseDouble(r[lo]);
                        double u = Double.parseDouble(r[hi]);
                        setCovered += y >= l && y <= u ? 1 : 0;
                        widths[k++] = u - l;
                    }
                    double coverage = setCovered / (double) e.getValue().size();
                    double median = median(widths);
                    medians.add(median);
                    covered += setCovered;
                    total += e.getValue().size();
                    within += Math.abs(coverage - nominal) <= 0.10 ? 1 : 0;
                    if (Math.abs(coverage - nominal) > worstGap) {
                        worstGap = Math.abs(coverage - nominal);
                        worst = String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * coverage);
                    }
                    setLines.add(String.format(Locale.ROOT, "| %s | %s%% | %s | %d | %s | %d | %.1f%% | %.2f |", mode,
                            c, e.getKey(), e.getValue().size(), e.getValue().get(0)[cols.indexOf("model")],
                            Integer.parseInt(e.getValue().get(0)[cols.indexOf("n_calibration")]), 100 * coverage, median));
                }
                perSet.addAll(setLines);
                double pooled = covered / (double) total;
                double medianWidth = median(medians.stream().mapToDouble(Double::doubleValue).toArray());
                md.append(String.format(Locale.ROOT, "| %s | %s%% | **%.1f%%** | %d/%d | %s | %.2f |\n", mode, c,
                        100 * pooled, within, rows.size(), worst, medianWidth));
                json.append(firstJson ? "" : ",\n").append(String.format(Locale.ROOT,
                        "    {\"mode\": \"%s\", \"confidence\": %s, \"pooled_coverage\": %.4f, \"sets_within_10_points\":"
                                + " %d, \"sets\": %d, \"median_width\": %.4f, \"worst_set\": \"%s\"}",
                        mode, nominal, pooled, within, rows.size(), medianWidth, worst));
                firstJson = false;
            }
        }
        md.append("\nPer set (test compounds, chosen model, calibration residuals):\n\n| mode | confidence | set | n test |"
                + " model | n calibration | coverage | median width |\n|---|---|---|---|---|---|---|---|\n");
        for (String l : perSet) {
            md.append(l).append('\n');
        }
        json.append("\n  ]\n}\n");
        Files.writeString(Path.of(args[4]), md.toString());
        Files.writeString(Path.of(args[5]), json.toString());
        System.out.print(md);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
