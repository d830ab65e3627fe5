package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.Progress;
import io.qspace.run.ProgressListener;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** What a study tells the chemist besides its models: y-randomisation, progress, and what it skipped. */
class StudyReportingTest {
    @TempDir
    Path store;

    @Test
    void yRandomisationOnRequestShowsTheModelsAreNotChance() {
        Results results = SampleData.quickStudy("yrand", store)
                .builders(Builders.pls().components(2))
                .validation(Validation.kFold(3).yRandomisation(4))
                .run();
        Table t = results.table();
        for (int i = 0; i < t.rowCount(); i++) {
            double q2 = t.doubleColumn("cv_q2").getDouble(i);
            double chance = t.doubleColumn("yrand_q2").getDouble(i);
            assertTrue(Double.isFinite(chance), "y-randomised Q2 is reported when asked for");
            assertTrue(chance < q2 - 0.2, "randomised activities model far worse: " + chance + " vs " + q2);
        }
        Table plain = SampleData.quickStudy("plain", store).builders(Builders.pls().components(2)).run().table();
        assertTrue(plain.doubleColumn("yrand_q2").isMissing().size() == plain.rowCount(), "off by default");
    }

    @Test
    void progressReachesTheListenerAndEndsComplete() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<Progress> ends = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void update(Progress p) {
                seen.add(p);
            }

            @Override
            public void finished(Progress p) {
                ends.add(p);
            }
        };
        try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
            runner.submit(SampleData.quickStudy("progress", store).plan(), listener).await();
        }
        assertTrue(seen.size() >= 13, "an update per finished invocation, at least");
        assertEquals(1, ends.size());
        Progress last = ends.get(0);
        assertEquals(13, last.planned());
        assertEquals(13, last.finished());
        assertEquals(1.0, last.fraction());
        assertTrue(last.line().contains("13/13"), last.line());
    }

    @Test
    void badRowsAndSkippedDatasetsAreInTheResults() throws Exception {
        Path data = store.resolve("in");
        Files.createDirectories(data);
        Files.copy(SampleData.folder().resolve("sutherland_BZR.csv"), data.resolve("bzr.csv"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data.resolve("bzr.csv")));
        lines.set(3, "C1CC(,broken,7.0");           // malformed SMILES on row 4
        lines.set(5, lines.get(5).replaceAll(",[^,]*$", ",n/a")); // non-numeric activity on row 6
        Files.write(data.resolve("bzr.csv"), lines);
        Files.writeString(data.resolve("empty.csv"), "");
        Results results = SampleData.quickStudy("issues", store.resolve("out"))
                .datasets(Datasets.csv(data + "/*.csv").smiles("smiles").id("id"))
                .run();
        Table issues = results.issues();
        String text = issues.print(100);
        assertTrue(issues.where(issues.intColumn("row").isEqualTo(4)).rowCount() == 1, text);
        assertTrue(issues.where(issues.intColumn("row").isEqualTo(6)).rowCount() == 1, text);
        assertTrue(issues.stringColumn("dataset").asList().contains("empty"), text);
        assertTrue(issues.stringColumn("message").asList().stream().anyMatch(m -> m.contains("skipped")), text);
        // the rest of the dataset still made models
        assertEquals(6, results.table().where(results.table().stringColumn("status").isEqualTo("ok")).rowCount());
    }
}
