package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.grid.testing.MemberProcess;
import io.qspace.results.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Code written outside the project runs on the grid: the same study with a lambda builder as a {@code java
 * LambdaStudy.java} program and as a {@code qspace run [--grid ...] lambda-study.jsh} script, each embedded and on
 * two member JVMs that have never seen the program's classes, gives one table, cell for cell.
 */
class CodeAnywhereIT {
    static final Path PROGRAMS = Path.of("..", "qsar-dsl", "src", "test", "resources", "programs")
            .toAbsolutePath().normalize();
    static final Path DATA = Path.of("..", "datasets-sample", "sutherland_BZR.csv").toAbsolutePath().normalize();
    static final List<MemberProcess> MEMBERS = new ArrayList<>();
    static String address;

    @TempDir
    Path dir;

    @BeforeAll
    static void twoMembers() throws Exception {
        String cluster = "code-" + Long.toHexString(System.nanoTime());
        int port = 25000 + ThreadLocalRandom.current().nextInt(1000) * 10;
        for (int i = 1; i <= 2; i++) {
            MEMBERS.add(MemberProcess.start("c" + i, cluster, port, 2, Path.of("target", "member-logs", cluster)));
        }
        for (MemberProcess m : MEMBERS) {
            m.awaitUp();
        }
        address = cluster + "@" + MemberProcess.members(port);
    }

    @AfterAll
    static void stop() throws Exception {
        for (MemberProcess m : MEMBERS) {
            m.close();
        }
    }

    @Test
    void aSourceProgramWithALambdaBuilderGivesTheSameTableEmbeddedAndOnTwoMembers() throws Exception {
        Path embedded = dir.resolve("embedded");
        Path grid = dir.resolve("grid");
        String e = run(List.of(PROGRAMS.resolve("LambdaStudy.java").toString(), DATA.toString(), embedded.toString()));
        String g = run(List.of(PROGRAMS.resolve("LambdaStudy.java").toString(), DATA.toString(), grid.toString(),
                address));
        assertTrue(g.contains("failed=0") && g.contains("nearest predicts"), g);
        Table a = cells(embedded, true);
        assertEquals(2, a.rowCount(), a.print());
        assertTrue(a.stringColumn("status").allMatch("ok"::equals), a.print());
        assertEquals(a.print(), cells(grid, true).print());
        assertEquals(line(e, "nearest predicts"), line(g, "nearest predicts"));
    }

    @Test
    void aJShellScriptRunsWithQspaceRunEmbeddedAndWithGrid() throws Exception {
        Path program = dir.resolve("program");
        Path embedded = dir.resolve("script-embedded");
        Path grid = dir.resolve("script-grid");
        run(List.of(PROGRAMS.resolve("LambdaStudy.java").toString(), DATA.toString(), program.toString()));
        String script = PROGRAMS.resolve("lambda-study.jsh").toString();
        run(List.of("-Dstudy.data=" + DATA, "-Dstudy.store=" + embedded, "io.qspace.cli.Main", "run", script));
        String g = run(List.of("-Dstudy.data=" + DATA, "-Dstudy.store=" + grid, "io.qspace.cli.Main", "run",
                "--grid", address, script));
        assertTrue(g.contains("failed=0"), g);
        Table a = cells(embedded, true);
        assertTrue(a.stringColumn("status").allMatch("ok"::equals), a.print());
        assertEquals(a.print(), cells(grid, true).print());
        // the script's lambda lives in another class than the program's: its invocation ids differ, and with them
        // the seeds of its CV folds (seeds derive from identities); the test-set numbers are the same
        assertEquals(testCells(program).print(), testCells(embedded).print());
    }

    private static Table cells(Path store, boolean withIds) {
        Table t = Results.load(store.toString(), "lambda-study").table();
        List<String> columns = new ArrayList<>(List.of("dataset", "feature_set", "n_features", "builder",
                "parameters", "cv_q2", "cv_rmse", "test_r2", "test_rmse", "test_mae", "n_train", "n_test", "fits",
                "status"));
        if (withIds) {
            columns.add("invocation");
        }
        return t.selectColumns(columns.toArray(String[]::new)).sortOn("builder");
    }

    private static Table testCells(Path store) {
        return cells(store, false).selectColumns("dataset", "feature_set", "n_features", "builder", "parameters",
                "test_r2", "test_rmse", "test_mae", "n_train", "n_test", "fits", "status");
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }

    /** A child JVM with this test's class path (qsar-dsl, grid, Hazelcast): the source launcher or the CLI. */
    private String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.addAll(args);
        Path log = Files.createTempFile(dir, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish: " + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + out);
        return out;
    }
}
