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
        return start(new Options(name, cluster, basePort, slots, logDir).props(extraProps));
    }

    /** How to start one member: the common settings, plus what a test of failures varies. */
    public static final class Options {
        final String name;
        final String cluster;
        final int basePort;
        final int slots;
        final Path logDir;
        final List<String> props = new ArrayList<>();
        String bindInterface = "127.0.0.1";
        Path hidden;
        final java.util.Map<String, String> env = new java.util.HashMap<>();

        public Options(String name, String cluster, int basePort, int slots, Path logDir) {
            this.name = name;
            this.cluster = cluster;
            this.basePort = basePort;
            this.slots = slots;
            this.logDir = logDir;
        }

        public Options props(String... more) {
            props.addAll(List.of(more));
            return this;
        }

        /** Bind to another loopback address, e.g. 127.0.0.2: another "host" for partition groups. */
        public Options bindTo(String address) {
            bindInterface = address;
            return this;
        }

        /** The member sees an empty folder at this path (its own mount namespace): a store only the client sees. */
        public Options hide(Path folder) {
            hidden = folder;
            return this;
        }

        public Options env(String key, String value) {
            env.put(key, value);
            return this;
        }
    }

    public static MemberProcess start(Options o) throws IOException {
        Files.createDirectories(o.logDir);
        // Through the same start script the container image runs, so what the tests prove is what ships.
        List<String> options = new ArrayList<>(List.of("-Dqspace.sweep.seconds=2", "-Dqspace.test.member=" + o.name));
        options.addAll(o.props);
        List<String> command = new ArrayList<>();
        if (o.hidden != null) {
            // a mount namespace of its own with an empty tmpfs over the folder, as a container has its own files
            command.addAll(List.of("unshare", "-m", "sh", "-c", "mount -t tmpfs none \"$0\" && exec \"$@\"",
                    o.hidden.toString()));
        }
        command.addAll(List.of("bash", Path.of("bin", "qspace-member").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("QSPACE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("QSPACE_HEAP", "256m");
        builder.environment().put("QSPACE_CLUSTER", o.cluster);
        builder.environment().put("QSPACE_PORT", Integer.toString(o.basePort));
        builder.environment().put("QSPACE_SLOTS", Integer.toString(o.slots));
        builder.environment().put("QSPACE_INTERFACE", o.bindInterface);
        builder.environment().put("QSPACE_MEMBERS", o.env.getOrDefault("QSPACE_MEMBERS", members(o.basePort)));
        builder.environment().put("JAVA_OPTS", String.join(" ", options));
        builder.environment().putAll(o.env);
        Path log = o.logDir.resolve(o.name + ".log");
        Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new MemberProcess(p, log, o.name);
    }

    /** The JVM's process id (the script execs java, so the script's pid is the JVM's). */
    public long pid() {
        return process.pid();
    }

    /** Sends a signal by name ("STOP", "CONT", "KILL") to the member JVM. */
    public void signal(String name) throws Exception {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited " + rc);
        }
    }

    /** The member's Hazelcast address as it printed it when up, e.g. "[127.0.0.1]:27002". */
    public String address() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("qspace member (\\S+) up").matcher(log());
        if (!m.find()) {
            throw new IllegalStateException("member " + name + " has not said its address: " + log());
        }
        return m.group(1);
    }

    /** The member process among these at a Hazelcast address. */
    public static MemberProcess at(List<MemberProcess> members, Object address) throws IOException {
        for (MemberProcess m : members) {
            if (m.address().equals(address.toString())) {
                return m;
            }
        }
        throw new IllegalStateException("no member process at " + address);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
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
