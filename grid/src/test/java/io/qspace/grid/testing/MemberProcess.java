package io.qspace.grid.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real member JVM on 127.0.0.1 with the test class path, small heap, and its output in a file. */
public final class MemberProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final String name;

    private MemberProcess(Process process, Path log, String name) {
        this.process = process;
        this.log = log;
        this.name = name;
    }

    public static MemberProcess start(String name, String cluster, int basePort, int slots, Path logDir,
                                      String... extraProps) throws IOException {
        Files.createDirectories(logDir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
                "-Dqspace.cluster=" + cluster, "-Dqspace.port=" + basePort, "-Dqspace.slots=" + slots,
                "-Dqspace.members=" + members(basePort), "-Dqspace.sweep.seconds=2",
                "-Dqspace.test.member=" + name));
        cmd.addAll(List.of(extraProps));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.qspace.grid.Member"));
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new MemberProcess(p, log, name);
    }

    public static String members(int basePort) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(basePort + i);
        }
        return s.toString();
    }

    /** Waits until the member printed that it is up (it has joined the cluster by then). */
    public MemberProcess awaitUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("member " + name + " exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("qspace member ")) {
                return this;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("member " + name + " did not come up: " + Files.readString(log));
    }

    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
