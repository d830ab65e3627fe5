package io.qspace.bench.grid;

import io.qspace.grid.GridRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one more member costs a cluster that is not running anything: each member's CPU (share of one core) and
 * resident memory, for clusters of growing size, so the growth per member can be read off and extrapolated.
 * Linux only (reads /proc). Usage: MemberCostBench [--members 2,4,8,16] [--settle 20] [--seconds 20]
 * [--out bench/results]
 */
public final class MemberCostBench {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int[] sizes = Arrays.stream(a.text("--members", "2,4,8,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int settle = a.integer("--settle", 20);
        int seconds = a.integer("--seconds", 20);
        Path out = Path.of(a.text("--out", "bench/results"));
        Files.createDirectories(out);
        StringBuilder json = new StringBuilder("{\"bench\":\"member-cost\",\"cores\":"
                + Runtime.getRuntime().availableProcessors() + ",\"idle_seconds\":" + seconds + ",\"results\":[");
        int port = a.integer("--port", 28000);
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            try (Members m = new Members(n, 4, 4, port, Path.of("bench", "target", "grid-logs"));
                 GridRunner grid = m.connect()) {
                Thread.sleep(settle * 1000L); // partitions migrated, JIT quiet
                List<Long> pids = m.pids();
                long[] before = ticks(pids);
                long boxBefore = boxBusyTicks();
                Thread.sleep(seconds * 1000L);
                long[] after = ticks(pids);
                long boxAfter = boxBusyTicks();
                double cpu = 0;
                double rss = 0;
                for (int i = 0; i < pids.size(); i++) {
                    cpu += (after[i] - before[i]) / TICKS_PER_SECOND / seconds;
                    rss += rssMegabytes(pids.get(i));
                }
                double perMemberCpu = cpu / n;
                double perMemberRss = rss / n;
                double box = (boxAfter - boxBefore) / TICKS_PER_SECOND / seconds;
                System.out.printf(Locale.ROOT, "%2d members idle: %.3f of a core each (%.2f cores in all; box %.2f), "
                        + "RSS %.0f MB each%n", n, perMemberCpu, cpu, box, perMemberRss);
                json.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"members\":%d,\"cpu_cores_per_member\":%.4f,\"cpu_cores_all_members\":%.3f,"
                                + "\"box_busy_cores\":%.3f,\"rss_mb_per_member\":%.1f,"
                                + "\"heartbeats_sent_per_member_per_s\":%d}",
                        n, perMemberCpu, cpu, box, perMemberRss, n - 1));
            }
            port += 50;
        }
        json.append("]}\n");
        Files.writeString(out.resolve("member-cost.json"), json);
        System.out.print(json);
    }

    private static long[] ticks(List<Long> pids) throws Exception {
        long[] t = new long[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            String stat = Files.readString(Path.of("/proc", pids.get(i).toString(), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            t[i] = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
        }
        return t;
    }

    private static long boxBusyTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal (guest is inside user)
            busy += Long.parseLong(f[i]);
        }
        return busy;
    }

    private static double rssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
