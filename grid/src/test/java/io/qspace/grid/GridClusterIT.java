package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.grid.testing.FailingTask;
import io.qspace.grid.testing.HoldsTask;
import io.qspace.grid.testing.MemberProcess;
import io.qspace.grid.testing.TreeTask;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.plan.Task;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real member JVMs on 127.0.0.1 and a client in the test JVM. */
class GridClusterIT {
    static final String CLUSTER = "it-" + Long.toHexString(System.nanoTime());
    static final int PORT = 21000 + ThreadLocalRandom.current().nextInt(2000) * 10;
    static final List<MemberProcess> MEMBERS = new ArrayList<>();
    static GridRunner grid;

    @BeforeAll
    static void startCluster() throws Exception {
        Path logs = Path.of("target", "member-logs", CLUSTER);
        for (int i = 1; i <= 3; i++) {
            MEMBERS.add(MemberProcess.start("m" + i, CLUSTER, PORT, 2, logs));
        }
        for (MemberProcess m : MEMBERS) {
            m.awaitUp();
        }
        grid = Grid.connect(CLUSTER + "@" + MemberProcess.members(PORT));
        assertTrue(grid.hazelcast().getCluster().getMembers().size() >= 3, grid.describe());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (grid != null) {
            grid.close();
        }
        for (MemberProcess m : MEMBERS) {
            m.close();
        }
    }

    static Plan treePlan(String study, Path store, int roots, int depth, int fanout, long sleep) {
        List<Invocation> rs = new ArrayList<>();
        for (int i = 0; i < roots; i++) {
            rs.add(Invocation.of(new TreeTask(study, "r" + i, depth, fanout, sleep)));
        }
        return Plan.ofRoots(study, rs, store.toString());
    }

    static String resultsCsv(Path store, String study) throws Exception {
        return Files.readString(store.resolve("studies/" + study + "/results.csv"));
    }

    @Test
    void treeOnThreeMembersEqualsEmbedded(@TempDir Path dir) throws Exception {
        Plan onGrid = treePlan("tree", dir.resolve("grid"), 2, 2, 3, 20);
        Results r = grid.submit(onGrid, ProgressListener.none()).await();
        Plan embedded = treePlan("tree", dir.resolve("embedded"), 2, 2, 3, 20);
        new EmbeddedRunner(2).submit(embedded, ProgressListener.none()).await();

        assertEquals(2 * 9, r.table().rowCount(), "one record per leaf");
        assertEquals(2 * 13, r.executed(), "every node ran once");
        assertEquals(resultsCsv(dir.resolve("embedded"), "tree"), resultsCsv(dir.resolve("grid"), "tree"));
        // the members, not the client, ran the tree
        try (var ran = Files.list(dir.resolve("grid/ranby"))) {
            assertFalse(ran.map(p -> p.getFileName().toString()).toList().contains("local"));
        }
    }

    @Test
    void throwingInvocationIsRetriedThenRecordedFailed(@TempDir Path dir) throws Exception {
        List<Invocation> roots = new ArrayList<>();
        roots.add(Invocation.of(new FailingTask("mixed", "boom")));
        for (int i = 0; i < 3; i++) {
            roots.add(Invocation.of(new TreeTask("mixed", "ok" + i, 1, 2, 0)));
        }
        Plan plan = Plan.ofRoots("mixed", roots, dir.toString());
        Results r = grid.maxAttempts(3).submit(plan, ProgressListener.none()).await();

        try (var attempts = Files.list(dir.resolve("attempts/boom"))) {
            assertEquals(3, attempts.count(), "three attempts, then it is recorded");
        }
        assertEquals(1, r.failed());
        assertEquals(1, r.failures().rowCount());
        assertTrue(r.failures().stringColumn("error").get(0).contains("always fails: boom"),
                r.failures().print());
        assertEquals(6, r.table().rowCount() - r.failures().rowCount(), "the rest of the study completed");
    }

    @Test
    void classCompiledAtRunTimeRunsOnMembersThatNeverHadIt(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/dyn/DynTask.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package dyn;
                import io.qspace.plan.*;
                import io.qspace.store.StoreKeys;
                import io.qspace.results.ResultRecord;
                import java.nio.charset.StandardCharsets;
                import java.util.*;
                public record DynTask(String study, int n) implements Task {
                    public String kind() { return "test"; }
                    public boolean yieldsResult() { return true; }
                    public String identity() { return study + "/dyn/" + n; }
                    public String label() { return "dyn " + n; }
                    public Map<String, String> coordinates() { return Map.of("dataset", study); }
                    public void run(TaskContext c) throws Exception {
                        String id = Invocation.of(this).id();
                        ResultRecord r = new ResultRecord(study, "n" + n, 0, Helper.name(), "", Helper.square(n),
                                0, 0, 0, 0, 0, 0, 0, 0, 0, "", "ok", "", id, "", "", 0L, "");
                        c.store().put(StoreKeys.record(id), r.toCsv().getBytes(StandardCharsets.UTF_8));
                    }
                    public List<Invocation> children(TaskContext c) { return List.of(); }
                }
                class Helper {
                    static double square(int n) { return n * n; }
                    static String name() { return "dyn-" + DynTask.class.getClassLoader().getName(); }
                }
                """);
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "javac");
        List<Invocation> roots = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("dyn.DynTask");
            for (int n = 1; n <= 4; n++) {
                roots.add(Invocation.of((Task) type.getConstructor(String.class, int.class).newInstance("dyn", n)));
            }
            Path store = dir.resolve("store");
            Plan plan = Plan.ofRoots("dyn", roots, store.toString());
            Results r = grid.submit(plan, ProgressListener.none()).await();
            assertEquals(0, r.failed(), () -> r.failures().print());
            assertEquals(4, r.table().rowCount());
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(r.table().stringColumn("feature_set").get(i).substring(1));
                assertEquals(n * n, r.table().doubleColumn("cv_q2").get(i), 1e-9);
                // defined by a member's bundle loader, not the client's URLClassLoader
                assertTrue(r.table().stringColumn("builder").get(i).startsWith("dyn-qspace-bundle-"),
                        r.table().stringColumn("builder").get(i));
            }
            try (var bundles = Files.list(store.resolve("code"))) {
                assertEquals(1, bundles.count(), "the code is shipped once");
            }
        }
    }

    @Test
    void classOutsideTheAllowListIsRefused(@TempDir Path dir) {
        // through Hazelcast itself: a member deserialising a value of a class outside its filter
        Exception e = assertThrows(Exception.class, () -> grid.hazelcast().getMap(GridNames.STATE)
                .put("refused", new java.text.SimpleDateFormat("yyyy")));
        assertTrue(String.valueOf(rootMessage(e)).contains("java.text.SimpleDateFormat is not allowed"),
                String.valueOf(rootMessage(e)));

        // through an invocation: recorded as failed with the reason, once, without retries
        Plan plan = Plan.ofRoots("refuse",
                List.of(Invocation.of(new HoldsTask("refuse", new java.text.SimpleDateFormat("yyyy")))),
                dir.toString());
        Results r = grid.submit(plan, ProgressListener.none()).await();
        assertEquals(1, r.failed());
        String error = r.failures().stringColumn("error").get(0);
        assertTrue(error.contains("java.text.SimpleDateFormat is not on this grid's allow list"), error);
    }

    static String rootMessage(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append(" | ");
        }
        return s.toString();
    }
}
