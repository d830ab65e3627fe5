package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.grid.testing.FailingTask;
import io.qspace.grid.testing.TreeTask;
import io.qspace.model.Builders;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.Progress;
import io.qspace.run.ProgressListener;
import io.qspace.run.Runner;
import io.qspace.run.StudyRun;
import io.qspace.select.Selectors;
import io.qspace.store.ObjectStores;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * What every runner promises, run against each of them (the embedded runner, Grid.embedded(), two member JVMs):
 * the same numbers as the one-slot reference, failures as rows with their reasons, cancel, reuse, progress, and one
 * table per run. A subclass supplies the runner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunnerContract {
    @TempDir
    Path dir;

    /** The runner under test; created once per class, closed by the subclass. */
    abstract Runner runner();

    static Study smallStudy() {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("contract")
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.topCorrelated(10), Selectors.fingerprints())
                .builders(Builders.pls().components(2, 3), Builders.knn().k(3, 5))
                .validation(Validation.kFold(3))
                .seed(5);
    }

    static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "n_features", "builder", "parameters", "cv_q2", "cv_rmse",
                "test_r2", "test_rmse", "test_mae", "n_train", "n_test", "fits", "status", "invocation")
                .sortOn("dataset", "feature_set", "builder");
    }

    static Plan tree(String study, Path store, int roots, int depth, int fanout, long sleepMillis) {
        List<Invocation> rs = new ArrayList<>();
        for (int i = 0; i < roots; i++) {
            rs.add(Invocation.of(new TreeTask(study, "r" + i, depth, fanout, sleepMillis)));
        }
        return Plan.ofRoots(study, rs, store.toString());
    }

    @Test
    void aQsarStudyGivesTheOneSlotReferenceNumberForNumber() {
        Results reference;
        try (EmbeddedRunner one = new EmbeddedRunner(1)) {
            reference = one.submit(smallStudy().store(dir.resolve("reference").toString()).plan(),
                    ProgressListener.none()).await();
        }
        Results here = runner().submit(smallStudy().store(dir.resolve("here").toString()).plan(),
                ProgressListener.none()).await();
        Table a = numbers(reference.table());
        Table b = numbers(here.table());
        assertEquals(2 * 2, a.rowCount(), "2 feature sets x 2 builders");
        assertTrue(a.stringColumn("status").allMatch("ok"::equals), reference.table().print());
        assertEquals(a.print(a.rowCount()), b.print(b.rowCount()));
        assertEquals(reference.leaderboard().print(), here.leaderboard().print());
    }

    @Test
    void aConsensusRunsAfterItsMembersAsItsOwnInvocationWithTheOneSlotReferenceNumbers() {
        Results reference;
        try (EmbeddedRunner one = new EmbeddedRunner(1)) {
            reference = one.submit(smallStudy().consensus(2, 3).store(dir.resolve("consensus-reference").toString())
                    .plan(), ProgressListener.none()).await();
        }
        Results here = runner().submit(smallStudy().consensus(2, 3).store(dir.resolve("consensus-here").toString())
                .plan(), ProgressListener.none()).await();
        Table a = numbers(reference.table());
        Table b = numbers(here.table());
        assertEquals(2 * 2 + 1, a.rowCount(), "2 feature sets x 2 builders and their consensus");
        Table consensus = b.where(b.stringColumn("builder").isEqualTo("consensus"));
        assertEquals(1, consensus.rowCount(), here.table().print());
        assertTrue(consensus.stringColumn("parameters").get(0).contains("members="), consensus.print());
        assertEquals(a.print(a.rowCount()), b.print(b.rowCount()));
    }

    @Test
    void aFailureIsARowWithItsReasonAndItsOwnCoordinatesAndTheRestGoesOn() {
        List<Invocation> roots = new ArrayList<>(tree("failing", dir, 2, 1, 2, 0).roots());
        roots.add(Invocation.of(new FailingTask("dataset-of-the-failure", "boom")));
        Results r = runner().submit(Plan.ofRoots("failing", roots, dir.toString()), ProgressListener.none()).await();
        Table failures = r.failures();
        assertEquals(1, failures.rowCount(), r.table().print());
        assertTrue(failures.stringColumn("error").get(0).contains("always fails: boom"), failures.print());
        assertEquals("dataset-of-the-failure", failures.stringColumn("dataset").get(0),
                "a failure row names its dataset, not the study");
        assertEquals("failing", failures.stringColumn("builder").get(0));
        assertEquals(4, r.table().rowCount() - failures.rowCount(), "the rest of the study completed");
        assertEquals(1, r.failed());
    }

    @Test
    void cancelStopsTheStudyAndAwaitSaysWhatWasKept() throws Exception {
        StudyRun run = runner().submit(tree("cancel", dir, 30, 0, 1, 400), ProgressListener.none());
        Thread.sleep(600);
        run.cancel();
        CancellationException e = assertThrows(CancellationException.class, run::await);
        assertTrue(e.getMessage().contains("what finished is stored"), e.getMessage());
        assertTrue(run.isDone());
        awaitQuiet(dir);
    }

    /**
     * Invocations under way when a run is cancelled finish and store what they made: wait until nothing has been
     * written for a second, so the test's folder is not removed beneath them.
     */
    static void awaitQuiet(Path folder) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        long count = -1;
        int quietTicks = 0;
        while (quietTicks < 5 && System.currentTimeMillis() < deadline) {
            long now;
            try (var files = java.nio.file.Files.walk(folder)) {
                now = files.count();
            } catch (java.io.UncheckedIOException e) {
                now = -1; // a file (an atomic write's .partial) went while the walk listed it: not quiet yet
            }
            quietTicks = now == count ? quietTicks + 1 : 0;
            count = now;
            Thread.sleep(200);
        }
    }

    @Test
    void aSecondRunExecutesNothingAndReusesEverything() {
        Plan plan = tree("again", dir, 2, 1, 3, 0);
        Results first = runner().submit(plan, ProgressListener.none()).await();
        assertEquals(8, first.executed());
        Results again = runner().submit(plan, ProgressListener.none()).await();
        assertEquals(0, again.executed());
        assertEquals(8, again.reused());
        assertEquals(numbers(first.table()).print(), numbers(again.table()).print());
    }

    @Test
    void progressCountsEveryInvocationAndEndsComplete() {
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
        Results r = runner().submit(tree("progress", dir, 3, 1, 2, 150), listener).await();
        assertEquals(1, ends.size(), "one end");
        Progress end = ends.get(0);
        assertEquals(9, end.finished());
        assertEquals(9, end.executed());
        assertEquals(1.0, end.fraction());
        assertEquals(r.executed(), end.executed());
        assertTrue(seen.stream().anyMatch(p -> p.fraction() < 1.0), "progress was shown before the end: " + seen);
        assertTrue(seen.stream().allMatch(p -> p.study().equals("progress")), seen.toString());
    }

    @Test
    void twoRunsOfOneStudyAtOnceEachReturnTheirOwnRows() {
        StudyRun small = runner().submit(tree("twice", dir, 1, 1, 2, 100), ProgressListener.none());
        StudyRun large = runner().submit(Plan.ofRoots("twice",
                List.of(Invocation.of(new TreeTask("twice", "x", 1, 5, 100))), dir.toString()),
                ProgressListener.none());
        Results a = small.await();
        Results b = large.await();
        assertNotEquals(a.runId(), b.runId());
        assertEquals(2, a.table().rowCount(), "the small run's two leaves, not the other run's");
        assertEquals(5, b.table().rowCount());
        List<String> runs = Results.runs(ObjectStores.open(dir.toString()), "twice");
        assertEquals(List.of(a.runId(), b.runId()).stream().sorted().toList(), runs);
        Results latest = Results.load(dir.toString(), "twice");
        assertEquals(runs.get(1), latest.runId());
        assertFalse(latest.table().isEmpty());
    }
}
