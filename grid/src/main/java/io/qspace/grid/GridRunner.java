package io.qspace.grid;

import com.hazelcast.core.HazelcastInstance;
import io.qspace.grid.code.CodeShipper;
import io.qspace.plan.Plan;
import io.qspace.run.ProgressListener;
import io.qspace.run.Runner;
import io.qspace.run.StudyRun;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The grid's runner: the same interface as the embedded one, the plan's invocations on the cluster's global queue.
 * Several studies (and several clients) can share a grid: each run has its own id and state entries.
 */
public final class GridRunner implements Runner {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(GridRunner.class.getName());
    private final HazelcastInstance hz;
    private final AutoCloseable owned;
    private final CodeShipper shipper = new CodeShipper();
    private final String description;
    private volatile int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private volatile boolean keepDetail;
    private volatile java.util.function.BiConsumer<String, String> onInvocation;
    private final RunEnds ends;
    /** Ended runs' grid entries are removed here, after their results were handed over: not on the caller's time. */
    private final ExecutorService cleaner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qspace-grid-cleanup");
        t.setDaemon(true);
        return t;
    });

    GridRunner(HazelcastInstance hz, AutoCloseable owned, String description) {
        this.hz = hz;
        this.owned = owned;
        this.description = description;
        this.ends = new RunEnds(hz.getMap(GridNames.RUNS));
    }

    /** The code this client shipped to the grid's store, by bundle hash, and why a class could not ship. */
    public CodeShipper code() {
        return shipper;
    }

    /** Attempts an invocation gets when it throws before it is recorded as failed (default 3). */
    public GridRunner maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** Keep every invocation's serialised task on the grid after success, for inspection (off: dropped). */
    public GridRunner keepDetail(boolean keep) {
        this.keepDetail = keep;
        return this;
    }

    /**
     * Per-invocation status events (invocation id, "claimed"/"executed"/"reused"/"failed"/"queued") for studies
     * submitted from now on: off by default, since it costs one event per state change per study.
     */
    public GridRunner onInvocation(java.util.function.BiConsumer<String, String> listener) {
        this.onInvocation = listener;
        return this;
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    @Override
    public StudyRun submit(Plan plan, ProgressListener listener) {
        ObjectStore store = ObjectStores.open(plan.storeUri());
        plan.publish(store);
        String runId = plan.study().name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        GridStudyRun run = new GridStudyRun(hz, plan, store, listener, runId, ends, cleaner);
        run.start(shipper, maxAttempts, keepDetail, onInvocation);
        return run;
    }

    /** Waits until the grid entries of every run that ended so far are removed (they go after results are out). */
    void awaitCleanups() {
        try {
            cleaner.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("removing ended runs' grid entries did not finish: " + e, e);
        }
    }

    @Override
    public String describe() {
        return description + ", " + hz.getCluster().getMembers().size() + " member(s)";
    }

    @Override
    public void close() {
        cleaner.shutdown();
        try {
            if (!cleaner.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("grid entries of ended studies were still being removed at close; members drop them "
                        + "when the cluster restarts");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ends.close();
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the grid connection: " + e.getMessage(), e);
        }
    }
}
