package io.qspace.bench.grid;

import io.qspace.grid.Grid;
import io.qspace.grid.GridRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** n real member JVMs on 127.0.0.1 (the bench's own class path), started together and stopped together. */
public final class Members implements AutoCloseable {
    final String cluster = "bench-" + Long.toHexString(System.nanoTime());
    final int port;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    /** n member JVMs of a new cluster on loopback, each with this many slots, logs under bench/target/grid-logs. */
    public static Members start(int n, int slots) throws Exception {
        return new Members(n, slots, 2 * slots, 26000 + 10 * java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(100), Path.of("bench", "target", "grid-logs"));
    }

    Members(int n, int slots, int window, int port, Path logDir) throws Exception {
        this(n, slots, window, port, logDir, List.of());
    }

    /** @param options more member JVM options, e.g. -Dqspace.grid.key=... or -Dqspace.lease.seconds=0 */
    Members(int n, int slots, int window, int port, Path logDir, List<String> options) throws Exception {
        this.port = port;
        Files.createDirectories(logDir);
        // One after the other: 16 JVMs starting at once on 2 cores miss each other's heartbeats while joining and
        // split into several clusters, and the study would run on a part of them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + 10L * n);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                awaitUp(i - 1, deadline);
            }
            Path log = logDir.resolve(cluster + "-m" + i + ".log");
            logs.add(log);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
                    "-Dqspace.cluster=" + cluster, "-Dqspace.port=" + port, "-Dqspace.slots=" + slots,
                    "-Dqspace.window=" + window, "-Dqspace.members=" + addresses(n)));
            command.addAll(options);
            // extra member JVM options for profiling, e.g. QSPACE_BENCH_MEMBER_OPTS="-XX:StartFlightRecording=..."
            // ("%i" becomes the member's index, so each member writes its own recording)
            String extra = System.getenv().getOrDefault("QSPACE_BENCH_MEMBER_OPTS", "").strip();
            if (!extra.isEmpty()) {
                for (String o : extra.split("\\s+")) {
                    command.add(o.replace("%i", Integer.toString(i)));
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.qspace.grid.Member"));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        // members must not outlive the bench, whatever ends it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        for (int i = 0; i < n; i++) {
            awaitUp(i, deadline);
        }
    }

    private void awaitUp(int i, long deadline) throws IOException, InterruptedException {
        while (!Files.readString(logs.get(i)).contains("qspace member ")) {
            if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("member " + i + " did not start: " + Files.readString(logs.get(i)));
            }
            Thread.sleep(100);
        }
    }

    /** A client of these members, once all of them are in one cluster (a split would time only part of them). */
    public GridRunner connect() throws InterruptedException {
        GridRunner grid = Grid.connect(connectSpec());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (grid.hazelcast().getCluster().getMembers().size() != processes.size()) {
            if (System.nanoTime() > deadline) {
                int seen = grid.hazelcast().getCluster().getMembers().size();
                grid.close();
                throw new IllegalStateException("the client sees " + seen + " of " + processes.size() + " members "
                        + "after 2 minutes: they split into several clusters; see " + logs.get(0).getParent());
            }
            Thread.sleep(200);
        }
        return grid;
    }

    /** The member JVMs' process ids, in start order. */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    String addresses(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(n, 3); i++) {
            s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(port + i);
        }
        return s.toString();
    }

    String connectSpec() {
        return cluster + "@" + addresses(processes.size());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
