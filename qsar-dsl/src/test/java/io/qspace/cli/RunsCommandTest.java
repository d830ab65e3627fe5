package io.qspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each run of a study keeps its own table; `qspace runs` lists them and shows any one. */
class RunsCommandTest {
    @TempDir
    Path store;

    @Test
    void everyRunKeepsItsTableAndTheCommandListsAndShowsThem() {
        Results first = SampleData.quickStudy("twice", store).builders(Builders.mlr()).run();
        Results second = SampleData.quickStudy("twice", store).builders(Builders.mlr(), Builders.knn().k(3)).run();
        assertNotEquals(first.runId(), second.runId());
        assertEquals(2, first.table().rowCount(), "one dataset x two feature sets x mlr");
        assertEquals(4, second.table().rowCount());
        assertEquals(second.runId(), Results.load(store.toString(), "twice").runId(), "load gives the latest");
        assertEquals(2, Results.load(first.store(), "twice", first.runId()).table().rowCount(),
                "the first run's table is still there");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunsCommand.run(new String[] {"--store", store.toString(), "twice"}, print(out), print(err));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(listed.contains(first.runId()) && listed.contains(second.runId()), listed);
        assertTrue(listed.indexOf(first.runId()) < listed.indexOf(second.runId()), "oldest first: " + listed);

        out.reset();
        code = RunsCommand.run(new String[] {"--store", store.toString(), "twice", first.runId()}, print(out),
                print(err));
        assertEquals(0, code);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("run " + first.runId()), shown);
        assertTrue(!shown.contains("knn"), "the first run had no knn: " + shown);

        err.reset();
        code = RunsCommand.run(new String[] {"--store", store.toString(), "twice", "no-such-run"}, print(out),
                print(err));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(first.runId()), "names the runs there are");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
