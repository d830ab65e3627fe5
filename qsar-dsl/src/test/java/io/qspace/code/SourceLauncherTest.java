package io.qspace.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.results.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A study written as a plain program with a lambda builder, run by {@code java LambdaStudy.java}: the source
 * launcher defines the program's classes in memory, and reading a build outcome back must find the lambda's
 * capturing class there (on Java 17 the launcher leaves the application loader as the threads' context loader).
 */
class SourceLauncherTest {
    @TempDir
    Path dir;

    /** Runs the program in a child JVM of this test's Java with this test's class path; returns its output. */
    public static String runProgram(Path program, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), program.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "program", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("program did not finish: " + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    public static Path program(String name) {
        return Path.of("src", "test", "resources", "programs", name).toAbsolutePath();
    }

    @Test
    void aLambdaBuilderInASourceProgramRunsEmbedded() throws Exception {
        Path store = dir.resolve("store");
        String out = runProgram(program("LambdaStudy.java"), dir,
                SampleData.folder().resolve("sutherland_BZR.csv").toString(), store.toString());
        assertTrue(out.contains("failed=0"), out);
        Table table = Results.load(store.toString(), "lambda-study").table();
        assertEquals(2, table.rowCount(), table.print());
        for (int i = 0; i < table.rowCount(); i++) {
            assertEquals("ok", table.stringColumn("status").get(i), table.print());
            assertTrue(Double.isFinite(table.doubleColumn("test_rmse").get(i)), table.print());
        }
        assertTrue(table.stringColumn("builder").asList().contains("nearest"), table.print());
        // the stored model of the lambda builder predicts in the program that defined it
        assertTrue(out.matches("(?s).*nearest predicts \\d+\\.\\d+.*"), out);
        // this JVM never had the program's classes: the model is read through the code bundle its run stored,
        // as a new notebook session or `qspace predict` reads it
        String modelKey = table.where(table.stringColumn("builder").isEqualTo("nearest")).stringColumn("model").get(0);
        var model = io.qspace.results.StoredModel.load(new io.qspace.store.FileStore(store), modelKey);
        String printed = out.replaceAll("(?s).*nearest predicts (\\S+).*", "$1");
        assertEquals(Double.parseDouble(printed), model.predict("c1ccccc1O").value(), 1e-12);
        java.io.ByteArrayOutputStream predictOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream predictErr = new java.io.ByteArrayOutputStream();
        int code = io.qspace.cli.Main.predict(new String[] {"--store", store.toString(), "--model", modelKey,
                "c1ccccc1O"}, new java.io.PrintStream(predictOut, true), new java.io.PrintStream(predictErr, true));
        assertEquals(0, code, predictErr.toString());
        assertTrue(predictOut.toString().contains(printed.substring(0, 5)), predictOut + " vs " + printed);
        // run again: everything is found in the store, the lambda's identity included
        String again = runProgram(program("LambdaStudy.java"), dir,
                SampleData.folder().resolve("sutherland_BZR.csv").toString(), store.toString());
        assertTrue(again.contains("executed=0"), again);
    }
}
