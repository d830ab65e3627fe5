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
        // Through the same start script the container image runs, so what the tests prove is what ships.
        List<String> options = new ArrayList<>(List.of("-Dqspace.sweep.seconds=2", "-Dqspace.test.member=" + name));
        options.addAll(List.of(extraProps));
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("bin", "qspace-member").toString());
        builder.environment().put("QSPACE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("QSPACE_HEAP", "256m");
        builder.environment().put("QSPACE_CLUSTER", cluster);
        builder.environment().put("QSPACE_PORT", Integer.toString(basePort));
        builder.environment().put("QSPACE_SLOTS", Integer.toString(slots));
        builder.environment().put("QSPACE_MEMBERS", members(basePort));
        builder.environment().put("JAVA_OPTS", String.join(" ", options));
        Path log = logDir.resolve(name + ".log");
        Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
