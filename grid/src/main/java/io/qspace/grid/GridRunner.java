package io.qspace.grid;

import com.hazelcast.core.HazelcastInstance;
import io.qspace.grid.code.CodeShipper;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.qspace.plan.Plan;
import io.qspace.run.ProgressListener;
import io.qspace.run.RunIds;
import io.qspace.run.Runner;
import io.qspace.run.StudyRun;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
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
    private volatile GridKey key = GridKey.fromEnvironment();
    private final java.util.Set<String> submitted = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    /**
     * The key this client signs its work with (default: QSPACE_GRID_KEY or QSPACE_GRID_KEY_FILE); members refuse
     * work signed with any other.
     */
    public GridRunner key(GridKey key) {
        this.key = key;
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
        MemberMemory.check(hz, plan);
        ObjectStore store = ObjectStores.open(plan.storeUri());
        String runId = RunIds.next();
        StoreProbes.check(hz, store, plan.storeUri(), runId, key);
        plan.publish(store, runId);
        GridStudyRun run = new GridStudyRun(hz, plan.name(), plan.expectedInvocations(), store, listener, runId, ends);
        run.start(plan, shipper, key, maxAttempts, keepDetail, onInvocation);
        submitted.add(runId);
        return run;
    }

    /**
     * Follows the newest unfinished run of a study already on the grid, e.g. one submitted from a notebook whose
     * kernel died: its progress, then its results. The grid ends runs itself, so there is nothing to resume.
     *
     * @throws IllegalStateException when no run of that study is under way, naming those that are
     */
    public StudyRun attach(String study, ProgressListener listener) {
        IMap<String, RunInfo> runs = hz.getMap(GridNames.RUNS);
        RunInfo newest = null;
        java.util.Set<String> underWay = new java.util.TreeSet<>();
        for (RunInfo info : runs.values(Predicates.and(Predicates.equal("ended", false),
                Predicates.equal("cancelled", false)))) {
            underWay.add(info.study);
            if (info.study.equals(study) && (newest == null || info.startedAt > newest.startedAt)) {
                newest = info;
            }
        }
        if (newest == null) {
            throw new IllegalStateException("no run of study '" + study + "' is under way on " + describe()
                    + "; studies under way: " + underWay + ". A finished run's results are in its store: "
                    + "Results.load(store, \"" + study + "\")");
        }
        GridStudyRun run = new GridStudyRun(hz, newest.study, (int) Math.max(newest.planned, newest.created),
                ObjectStores.open(newest.storeUri), listener, newest.runId, ends);
        run.attach();
        return run;
    }

    /** Waits until the grid entries of every run submitted here that ended are removed (members drop them). */
    void awaitCleanups() {
        IMap<String, InvState> state = hz.getMap(GridNames.STATE);
        long deadline = System.currentTimeMillis() + 30_000;
        for (String runId : submitted) {
            while (!state.keySet(Predicates.equal("runId", runId)).isEmpty()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the grid entries of run " + runId + " were not removed");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public String describe() {
        return description + ", " + hz.getCluster().getMembers().size() + " member(s)";
    }

    @Override
    public void close() {
        ends.close();
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the grid connection: " + e.getMessage(), e);
        }
    }
}
