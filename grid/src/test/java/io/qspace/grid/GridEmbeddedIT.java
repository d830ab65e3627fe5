package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid code path with one member inside the test JVM: Grid.embedded(). */
class GridEmbeddedIT {
    static GridRunner grid;

    @BeforeAll
    static void start() {
        grid = Grid.embedded(4);
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    @Test
    void twoStudiesShareTheGridAndMatchTheEmbeddedRunner(@TempDir Path dir) throws Exception {
        StudyRun a = grid.submit(GridClusterIT.treePlan("a", dir.resolve("a"), 3, 2, 3, 0), ProgressListener.none());
        StudyRun b = grid.submit(GridClusterIT.treePlan("b", dir.resolve("b"), 2, 3, 2, 0), ProgressListener.none());
        Results ra = a.await();
        Results rb = b.await();
        assertEquals(27, ra.table().rowCount());
        assertEquals(16, rb.table().rowCount());
        new EmbeddedRunner(2).submit(GridClusterIT.treePlan("a", dir.resolve("ea"), 3, 2, 3, 0),
                ProgressListener.none()).await();
        assertEquals(GridClusterIT.resultsCsv(dir.resolve("ea"), "a"), GridClusterIT.resultsCsv(dir.resolve("a"), "a"));
        grid.awaitCleanups();
        assertEquals(0, grid.hazelcast().getMap(GridNames.STATE).size(), "finished runs leave no state behind");
    }

    @Test
    void secondRunReusesStoredOutputs(@TempDir Path dir) {
        Plan plan = GridClusterIT.treePlan("again", dir, 1, 2, 2, 0);
        assertEquals(7, grid.submit(plan, ProgressListener.none()).await().executed());
        Results again = grid.submit(plan, ProgressListener.none()).await();
        assertEquals(0, again.executed());
        assertEquals(7, again.reused());
    }

    @Test
    void perInvocationDetailOnlyWhenAsked(@TempDir Path dir) throws Exception {
        java.util.Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        try (GridRunner detailed = new GridRunner(grid.hazelcast(), () -> {}, "same member")) {
            detailed.onInvocation(last::put).submit(GridClusterIT.treePlan("detail", dir, 1, 1, 3, 0),
                    ProgressListener.none()).await();
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (last.size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50); // events are asynchronous
        }
        assertEquals(4, last.size(), last.toString());
        assertTrue(last.values().stream().allMatch(s -> s.equals("executed")), last.toString());
    }

    @Test
    void cancelDropsQueuedInvocations(@TempDir Path dir) throws Exception {
        StudyRun run = grid.submit(GridClusterIT.treePlan("cancel", dir, 40, 0, 1, 500), ProgressListener.none());
        Thread.sleep(700);
        run.cancel();
        assertThrows(CancellationException.class, run::await);
        assertTrue(run.isDone());
        Thread.sleep(1200); // running ones end at their next check
        long left = grid.hazelcast().<String, InvState>getMap(GridNames.STATE).values().stream()
                .filter(s -> s.runId.startsWith("cancel-")).count();
        assertEquals(0, left, "the cancelled study's invocations are gone from the grid");
        assertEquals(0, grid.hazelcast().<String>getQueue(GridNames.HINTS).stream().filter(k -> k.startsWith("cancel-"))
                .count(), "and so are their hints");
    }
}
