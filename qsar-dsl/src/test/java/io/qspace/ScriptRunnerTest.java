package io.qspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.cli.ScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study written as a JShell script, DSL imports preloaded, run from the command line. */
class ScriptRunnerTest {
    @TempDir
    Path store;

    @Test
    void aScriptRunsAStudyWithoutImports() {
        String script = """
                var study = Study.named("script")
                    .datasets(Datasets.csv("%s").smiles("smiles").id("id"))
                    .descriptors(Descriptors.cdkDefault())
                    .selectors(Selectors.topCorrelated(5))
                    .builders(Builders.pls().components(2))
                    .validation(Validation.kFold(3))
                    .store("%s");
                var results = study.run();
                System.out.println("rows=" + results.table().rowCount());
                """.formatted(SampleData.folder().resolve("sutherland_BZR.csv"), store);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean ok = new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(script, "study.jsh");
        assertTrue(ok, err.toString(StandardCharsets.UTF_8));
        // snippets run in this JVM and print to its own System.out; what they stored is the evidence
        assertTrue(io.qspace.results.Results.load(store.toString(), "script").table().rowCount() == 1);
    }

    @Test
    void aScriptThatDoesNotCompileNamesTheLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean ok = new ScriptRunner(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("int a = 1;\n\nStudy s = Study.nammed(\"x\");\n", "bad.jsh");
        assertFalse(ok);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("bad.jsh, line 3"), message);
    }
}
