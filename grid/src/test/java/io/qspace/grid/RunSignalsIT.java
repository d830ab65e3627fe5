package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's entry in the runs map changes at every counter flush of every member. Only two of those changes may travel
 * as events: the one that makes the run look finished (to its client) and the cancel flag (to members); members also
 * hear of a new run, so its context is ready before its first invocation arrives.
 */
class RunSignalsIT {
    static GridRunner grid;
    static IMap<String, RunInfo> runs;

    @BeforeAll
    static void start() {
        grid = Grid.embedded(1);
        runs = grid.hazelcast().getMap(GridNames.RUNS);
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    @Test
    void theClientHearsOnlyTheUpdateThatEndsTheRun(@TempDir Path dir) throws Exception {
        try (RunEnds ends = new RunEnds(runs)) {
            AtomicInteger heard = new AtomicInteger();
            CountDownLatch ended = new CountDownLatch(1);
            ends.watch("ends-1", () -> {
                heard.incrementAndGet();
                ended.countDown();
            });
            RunInfo info = new RunInfo("ends-1", "s", dir.toString(), 1, false);
            info.created = 3;
            runs.set("ends-1", info);
            for (int i = 0; i < 3; i++) {
                Counters one = new Counters();
                one.terminal = 1;
                runs.executeOnKey("ends-1", one);
            }
            // a run with no state entries is never ended by a member (it sees fewer than were created): end it here
            runs.executeOnKey("ends-1", new RunEndSteps.Done(null));
            assertTrue(ended.await(10, TimeUnit.SECONDS), "the update that ends the run reaches the client");
            Thread.sleep(500); // events of one key arrive in order: any earlier one would have been counted by now
            assertEquals(1, heard.get(), "the counter updates before the end did not travel");
        }
    }

    @Test
    void membersHearOfNewRunsAndCancellations(@TempDir Path dir) throws Exception {
        RunContexts contexts = new RunContexts(runs);
        try {
            runs.set("signals-2", new RunInfo("signals-2", "s", dir.toString(), 1, false));
            waitFor(() -> contexts.knows("signals-2"), "a member has the new run's context without asking");
            Counters running = new Counters();
            running.running = 1;
            runs.executeOnKey("signals-2", running);
            assertFalse(contexts.cancelled("signals-2"));
            runs.executeOnKey("signals-2", new MarkCancelled());
            waitFor(() -> contexts.cancelled("signals-2"), "the cancel flag reaches the member");
            runs.delete("signals-2");
            waitFor(() -> !contexts.knows("signals-2"), "an ended run's context is dropped");
        } finally {
            contexts.close();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
