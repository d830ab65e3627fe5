package io.qspace.bench.grid;

import io.qspace.grid.GridKey;
import io.qspace.grid.GridRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the grid's trust costs: the sleep-0 rate (2 members) and the 2-s sleep study at 16 members, each with leases
 * and signing on (members and client share a key, 60-s leases renewed) and off (no key, no leases). The two modes'
 * clusters run side by side and their studies alternate (on, off, off, on, ...), so drift in the machine's load falls
 * on both alike; each cluster runs one warm-up study first. Ratios on / off: at least 0.9 is the target.
 *
 * <p>Usage: TrustBench [--rate-tasks 20000] [--repeats 5] [--members 16] [--sleep-tasks 512] [--sleep-ms 2000]
 */
public final class TrustBench {
    private static final String KEY = "bench-key-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int rateTasks = a.integer("--rate-tasks", 20_000);
        int repeats = a.integer("--repeats", 5);
        int members = a.integer("--members", 16);
        int sleepTasks = a.integer("--sleep-tasks", 512);
        long sleepMs = a.integer("--sleep-ms", 2000);
        Path out = Path.of(a.text("--out", "bench/results"));
        Files.createDirectories(out);
        Path store = Files.createTempDirectory("qspace-trust");
        Map<String, List<Double>> seconds = new TreeMap<>();
        seconds.putAll(alternate("rate", 2, 4, 256, rateTasks, 0, repeats, store));
        seconds.putAll(alternate("sleep", members, 4, 4, sleepTasks, sleepMs, repeats, store));
        double rateRatio = median(seconds.get("rate-off")) / median(seconds.get("rate-on"));
        double sleepRatio = median(seconds.get("sleep-off")) / median(seconds.get("sleep-on"));
        String json = String.format(Locale.ROOT, "{\"bench\":\"grid-trust\",\"rate_tasks\":%d,\"members\":%d,"
                + "\"sleep_tasks\":%d,\"sleep_ms\":%d,\"repeats\":%d,\"seconds\":%s,\"rate_on_over_off\":%.3f,"
                + "\"rpe_on_over_off\":%.3f}%n", rateTasks, members, sleepTasks, sleepMs, repeats, json(seconds),
                rateRatio, sleepRatio);
        Files.writeString(out.resolve("grid-trust.json"), json);
        System.out.print(json);
    }

    /** Seconds per study in each mode ("<what>-on", "<what>-off"), the two clusters up together, studies alternating. */
    static Map<String, List<Double>> alternate(String what, int n, int slots, int window, int tasks, long sleepMs,
                                               int repeats, Path store) throws Exception {
        Map<String, List<Double>> times = new TreeMap<>();
        int port = 24000 + 10 * ThreadLocalRandom.current().nextInt(100);
        Path logs = Path.of("bench", "target", "grid-logs");
        try (Members onMembers = new Members(n, slots, window, port, logs,
                     List.of("-Dqspace.grid.key=" + KEY, "-Dqspace.lease.seconds=60"));
             Members offMembers = new Members(n, slots, window, port + 1000, logs, List.of("-Dqspace.lease.seconds=0"));
             GridRunner on = onMembers.connect();
             GridRunner off = offMembers.connect()) {
            on.key(GridKey.of(KEY));
            off.key(GridKey.none());
            for (int r = 0; r <= repeats; r++) {
                boolean onFirst = r % 2 == 0;
                for (boolean trusted : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    double s = study(trusted ? on : off, trusted, r, n, slots, tasks, sleepMs, store);
                    if (r > 0) {
                        times.computeIfAbsent(what + (trusted ? "-on" : "-off"), k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        return times;
    }

    /** Seconds of one study (a warm-up of one task per slot when r is 0 and the tasks sleep). */
    private static double study(GridRunner grid, boolean trusted, int r, int n, int slots, int tasks, long sleepMs,
                                Path store) {
        var plan = SleepPlans.of("trust-" + (trusted ? "on" : "off") + r + "-" + System.nanoTime(),
                r == 0 && sleepMs > 0 ? n * slots : tasks, sleepMs, store);
        long t0 = System.nanoTime();
        var results = grid.submit(plan, ProgressListener.none()).await();
        double s = (System.nanoTime() - t0) / 1e9;
        if (results.executed() != plan.roots().size()) {
            throw new IllegalStateException("expected " + plan.roots().size() + " executed, got " + results.executed());
        }
        System.out.printf(Locale.ROOT, "%s, %d members, %d x %d ms: %s %.2f s%n", trusted ? "trust on" : "trust off",
                n, plan.roots().size(), sleepMs, r == 0 ? "warm-up" : "measured", s);
        return s;
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String json(Map<String, List<Double>> m) {
        StringBuilder s = new StringBuilder("{");
        m.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return s.append('}').toString();
    }
}
