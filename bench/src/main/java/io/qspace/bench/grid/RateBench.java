package io.qspace.bench.grid;

import io.qspace.grid.GridRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sleep-0 invocations per second end to end (submit to results): the grid's own overhead per invocation.
 * Usage: RateBench [--members 2] [--slots 4] [--window 256] [--tasks 50000] [--repeats 3] [--out bench/results]
 */
public final class RateBench {
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int members = a.integer("--members", 2);
        int slots = a.integer("--slots", 4);
        int window = a.integer("--window", 256);
        int tasks = a.integer("--tasks", 50_000);
        int repeats = a.integer("--repeats", 3);
        Path out = Path.of(a.text("--out", "bench/results"));
        Files.createDirectories(out);
        Path store = Files.createTempDirectory("qspace-rate");
        List<Double> rates = new ArrayList<>();
        try (Members m = new Members(members, slots, window, a.integer("--port", 24000 + 10 * java.util.concurrent.ThreadLocalRandom.current().nextInt(100)), Path.of("bench", "target", "grid-logs"));
             GridRunner grid = m.connect()) {
            for (int r = 0; r <= repeats; r++) { // the first run warms up and is not counted
                var plan = SleepPlans.of("rate" + r + "-" + System.nanoTime(), tasks, 0, store);
                long t0 = System.nanoTime();
                var run = grid.submit(plan, ProgressListener.none());
                double submitted = (System.nanoTime() - t0) / 1e9;
                while (!run.isDone()) {
                    Thread.sleep(5);
                }
                double ended = (System.nanoTime() - t0) / 1e9;
                var results = run.await();
                double seconds = (System.nanoTime() - t0) / 1e9;
                // where the time went: submission, running until the end was confirmed, then ledger and clean-up
                System.out.printf(Locale.ROOT, "submitted in %.2f s, end seen at %.2f s, results at %.2f s%n",
                        submitted, ended, seconds);
                if (results.executed() != tasks) {
                    throw new IllegalStateException("expected " + tasks + " executed, got " + results.executed());
                }
                double rate = tasks / seconds;
                System.out.printf(Locale.ROOT, "%s run %d: %d invocations in %.2f s = %.0f/s%n",
                        r == 0 ? "warm-up" : "measured", r, tasks, seconds, rate);
                if (r > 0) {
                    rates.add(rate);
                }
            }
        }
        double median = rates.stream().sorted().toList().get(rates.size() / 2);
        String json = String.format(Locale.ROOT, "{\"bench\":\"grid-rate\",\"members\":%d,\"slots\":%d,\"window\":%d,"
                + "\"tasks\":%d,\"rates_per_s\":%s,\"median_per_s\":%.0f}%n", members, slots, window, tasks, rates,
                median);
        Files.writeString(out.resolve("grid-rate.json"), json);
        System.out.print(json);
    }
}
