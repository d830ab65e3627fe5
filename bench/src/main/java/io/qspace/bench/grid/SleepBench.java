package io.qspace.bench.grid;

import io.qspace.grid.GridRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The paper's sleep-N scaling: a fixed number of sleep-N invocations on n member JVMs with a given number of slots;
 * relative parallel efficiency RPE_n = T_1 / (n T_n). JSON and a PNG plot to the output folder.
 * Usage: SleepBench [--sleeps 0.5,2,8] [--members 1,2,4,8,16] [--slots 4] [--tasks 512,512,128 (one per sleep,
 * or one for all)] [--window 4 (invocations a member holds, the paper's consumer window; default: the slots)]
 * [--out bench/results] [--replot bench/results/grid-sleep.json (only draw the plot again)]
 *
 * <p>Default sizes: 512 invocations are 8 waves of 64 slots at 16 members, a small study; 8-s invocations stay at
 * 128 so T_1 stays under five minutes. Each study is timed on a settled cluster: a second's pause lets the previous
 * study's clean-up finish, which on 16 JVMs sharing 2 cores would otherwise slow the next study's start.
 */
public final class SleepBench {
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        String replot = a.text("--replot", null);
        if (replot != null) {
            replot(Path.of(replot));
            return;
        }
        double[] sleeps = Arrays.stream(a.text("--sleeps", "0.5,2,8").split(",")).mapToDouble(Double::parseDouble)
                .toArray();
        int[] counts = Arrays.stream(a.text("--members", "1,2,4,8,16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int slots = a.integer("--slots", 4);
        int[] taskList = Arrays.stream(a.text("--tasks", "512,512,128").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        Map<Double, Integer> tasksOf = new LinkedHashMap<>();
        for (int i = 0; i < sleeps.length; i++) {
            tasksOf.put(sleeps[i], taskList[Math.min(i, taskList.length - 1)]);
        }
        int window = a.integer("--window", slots);
        Path out = Path.of(a.text("--out", "bench/results"));
        Files.createDirectories(out);
        Path store = Files.createTempDirectory("qspace-sleep");
        Map<Double, Map<Integer, Double>> seconds = new LinkedHashMap<>();
        int port = a.integer("--port", 26000);
        for (int n : counts) {
            try (Members m = new Members(n, slots, window, port, Path.of("bench", "target", "grid-logs"));
                 GridRunner grid = m.connect()) {
                // As in the paper, engines are up and warm before the clock starts: a round of short sleeps over
                // every slot takes the JIT, the connections and the first claims out of T_n.
                grid.submit(SleepPlans.of("warmup" + n + "-" + System.nanoTime(), 4 * n * slots, 100, store),
                        ProgressListener.none()).await();
                for (double s : sleeps) {
                    int tasks = tasksOf.get(s);
                    Thread.sleep(1000);
                    var plan = SleepPlans.of("sleep" + n + "-" + s + "-" + System.nanoTime(), tasks,
                            Math.round(s * 1000), store);
                    long t0 = System.nanoTime();
                    var results = grid.submit(plan, ProgressListener.none()).await();
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (results.executed() != tasks) {
                        throw new IllegalStateException("expected " + tasks + " executed, got " + results.executed());
                    }
                    seconds.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(n, t);
                    System.out.printf(Locale.ROOT, "sleep %.2f s, %d member(s) x %d slots: %.2f s%n", s, n, slots, t);
                }
            }
            port += 50; // a fresh port range, so a slow-to-die member never answers the next cluster
        }
        write(out, sleeps, counts, slots, window, tasksOf, seconds);
    }

    /** Draws the plot again from a results file, e.g. after a change to the chart only. */
    static void replot(Path json) throws Exception {
        Map<Double, Map<Integer, Double>> seconds = new LinkedHashMap<>();
        Map<Double, Integer> tasksOf = new LinkedHashMap<>();
        java.util.TreeSet<Integer> members = new java.util.TreeSet<>();
        int slots = 0;
        int window = 0;
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json.toFile())) {
            double sleep = 0;
            int tasks = 0;
            int n = 0;
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    continue;
                }
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "slots" -> slots = p.getIntValue();
                    case "window" -> window = p.getIntValue();
                    case "sleep_s" -> sleep = p.getDoubleValue();
                    case "tasks" -> tasks = p.getIntValue();
                    case "members" -> n = p.getIntValue();
                    case "seconds" -> {
                        seconds.computeIfAbsent(sleep, k -> new LinkedHashMap<>()).put(n, p.getDoubleValue());
                        tasksOf.put(sleep, tasks);
                        members.add(n);
                    }
                    default -> { }
                }
            }
        }
        write(json.getParent(), seconds.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                members.stream().mapToInt(Integer::intValue).toArray(), slots, window, tasksOf, seconds);
    }

    static void write(Path out, double[] sleeps, int[] counts, int slots, int window, Map<Double, Integer> tasksOf,
                      Map<Double, Map<Integer, Double>> seconds) throws Exception {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("sleep-N RPE: " + slots + " slots, window "
                + window + " per member JVM, all on " + Runtime.getRuntime().availableProcessors() + " cores")
                .xAxisTitle("member JVMs").yAxisTitle("RPE = T1 / (n Tn)").build();
        StringBuilder json = new StringBuilder("{\"bench\":\"grid-sleep\",\"slots\":" + slots + ",\"window\":"
                + window + ",\"cores\":" + Runtime.getRuntime().availableProcessors() + ",\"results\":[");
        boolean first = true;
        for (double s : sleeps) {
            Map<Integer, Double> t = seconds.get(s);
            double t1 = t.getOrDefault(counts[0], Double.NaN) * counts[0]; // T_1, scaled if the smallest n is not 1
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int n : counts) {
                double rpe = t1 / (n * t.get(n));
                xs.add((double) n);
                ys.add(rpe);
                json.append(first ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"sleep_s\":%s,\"tasks\":%d,\"members\":%d,\"seconds\":%.3f,\"rpe\":%.4f}", s, tasksOf.get(s), n,
                        t.get(n), rpe));
                first = false;
            }
            chart.addSeries("sleep " + s + " s, " + tasksOf.get(s) + " invocations", xs, ys);
        }
        json.append("]}\n");
        Files.writeString(out.resolve("grid-sleep.json"), json);
        BitmapEncoder.saveBitmap(chart, out.resolve("grid-sleep").toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.print(json);
    }
}
