package io.qspace.grid;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.qspace.grid.code.CodeShipper;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.InvocationStatus;
import io.qspace.run.RunTally;
import io.qspace.run.Progress;
import io.qspace.run.ProgressListener;
import io.qspace.run.RunLedger;
import io.qspace.run.StudyRun;
import io.qspace.run.StudyWaits;
import io.qspace.store.ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One study on the grid, seen from the client: it submits the roots, watches the run's counters (one small entry)
 * for the progress display, confirms the end against the state entries, and compacts the results from the store
 * exactly as the embedded runner does.
 */
final class GridStudyRun implements StudyRun {
    private static final long POLL_MILLIS = 100;
    /** Confirm the end this often even when the counters do not say so: a killed member may have taken deltas. */
    private static final int CONFIRM_EVERY_POLLS = 20;
    /**
     * Roots per bulk write and hint message: the first chunk small, so that members start after a short write, then
     * doubling up to a size that batches well while members work on what came before.
     */
    private static final int FIRST_CHUNK = 64;
    private static final int MAX_CHUNK = 2_000;

    private final HazelcastInstance hz;
    private final Plan plan;
    private final ObjectStore store;
    private final ProgressListener listener;
    private final String runId;
    private final IMap<String, InvState> state;
    private final IMap<String, RunInfo> runs;
    private final IQueue<String> hints;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final long started = System.nanoTime();
    private volatile Progress last;
    private Results results;
    private volatile Collection<Object[]> endRows;
    private Thread monitor;
    private volatile java.util.UUID detail;
    private final RunEnds ends;
    private final java.util.concurrent.Executor cleaner;
    /** Released when the counters say the run ended: the watcher confirms at once instead of at its next poll. */
    private final java.util.concurrent.Semaphore looksFinished = new java.util.concurrent.Semaphore(0);

    GridStudyRun(HazelcastInstance hz, Plan plan, ObjectStore store, ProgressListener listener, String runId,
                 RunEnds ends, java.util.concurrent.Executor cleaner) {
        this.hz = hz;
        this.ends = ends;
        this.cleaner = cleaner;
        this.plan = plan;
        this.store = store;
        this.listener = listener;
        this.runId = runId;
        this.state = hz.getMap(GridNames.STATE);
        this.runs = hz.getMap(GridNames.RUNS);
        this.hints = hz.getQueue(GridNames.HINTS);
        this.last = new Progress(plan.name(), plan.expectedInvocations(), 0, 0, 0, 0, 0, Duration.ZERO);
    }

    @Override
    public String runId() {
        return runId;
    }

    void start(CodeShipper shipper, int maxAttempts, boolean keepDetail,
               java.util.function.BiConsumer<String, String> onInvocation) {
        if (onInvocation != null) {
            detail = state.addEntryListener((com.hazelcast.map.listener.EntryUpdatedListener<String, InvState>)
                    e -> onInvocation.accept(e.getValue().invocationId, e.getValue().statusValue().label()),
                    ofRun(), true);
        }
        ends.watch(runId, looksFinished::release);
        RunInfo info = new RunInfo(runId, plan.name(), plan.storeUri(), maxAttempts, keepDetail);
        info.timeLimitMillis = plan.timeLimit().toMillis();
        info.planned = plan.expectedInvocations();
        // a fresh run id: none of its entries can exist yet, so the roots are written in bulk, not created one by one
        int created = (int) plan.roots().stream().map(Invocation::id).distinct().count();
        info.created = created; // all of them, before any can end: the counters never look finished early
        runs.set(runId, info);
        submit(shipper);
        if (created == 0) {
            finished.countDown();
            return;
        }
        monitor = new Thread(this::watch, "qspace-grid-" + runId);
        monitor.setDaemon(true);
        monitor.start();
    }

    /**
     * Writes the roots' state entries and then their hints, chunk by chunk, so members start on the first chunk
     * while the client encodes the next (encoding overlaps the previous chunk's write). Each chunk's hints follow
     * its entries: a hint never points at an entry that is not there yet. The end is watched only after the last
     * chunk, so an early chunk finishing before the next is written cannot look like the end.
     */
    private void submit(CodeShipper shipper) {
        long now = System.currentTimeMillis();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, InvState> chunk = new java.util.LinkedHashMap<>();
        CompletionStage<Void> writing = null;
        List<String> writingKeys = List.of();
        List<Invocation> roots = plan.roots();
        int chunkSize = FIRST_CHUNK;
        for (int i = 0; i <= roots.size(); i++) {
            if (i < roots.size()) {
                Invocation root = roots.get(i);
                String key = InvState.key(runId, root.id());
                if (seen.add(key)) {
                    CodeShipper.Encoded e = shipper.encode(root, store);
                    chunk.put(key, new InvState(runId, root, e.payload(), e.code(), now));
                }
            }
            if (chunk.size() == chunkSize || (i == roots.size() && !chunk.isEmpty())) {
                chunkSize = Math.min(MAX_CHUNK, 2 * chunkSize);
                if (writing != null) {
                    writing.toCompletableFuture().join();
                    hints.addAll(writingKeys);
                }
                writingKeys = new ArrayList<>(chunk.keySet());
                writing = state.setAllAsync(chunk);
                chunk = new java.util.LinkedHashMap<>();
            }
        }
        if (writing != null) {
            writing.toCompletableFuture().join();
            hints.addAll(writingKeys);
        }
    }

    private void watch() {
        int polls = 0;
        while (finished.getCount() > 0 && !cancelled.get()) {
            try {
                boolean woken = looksFinished.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                looksFinished.drainPermits();
                if (woken && confirmEnd()) {
                    finished.countDown();
                    return;
                }
                RunInfo info = runs.get(runId);
                if (info == null) {
                    continue;
                }
                last = progress(info);
                listener.update(last);
                // polled, not woken: the cheap exact count; await reads the rows once it is zero
                if ((info.looksFinished() || ++polls % CONFIRM_EVERY_POLLS == 0) && unfinished() == 0) {
                    finished.countDown();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a member left mid-call (TargetDisconnectedException is not retried): poll again
            }
        }
    }

    /**
     * Reads every state entry of the run once the counters say it ended: if all have ended, the same rows make the
     * ledger, so the end costs one query over the members and not two.
     */
    private boolean confirmEnd() {
        Collection<Object[]> rows = state.project(
                Projections.multiAttribute("invocationId", "yieldsResult", "status", "terminal"), ofRun());
        for (Object[] row : rows) {
            if (!(Boolean) row[3]) {
                return false;
            }
        }
        endRows = rows;
        return true;
    }

    private Predicate<String, InvState> ofRun() {
        return Predicates.equal("runId", runId);
    }

    /** The exact count of this run's invocations that have not ended. */
    long unfinished() {
        return state.aggregate(Aggregators.count(), Predicates.and(ofRun(), Predicates.equal("terminal", false)));
    }

    private Progress progress(RunInfo info) {
        int running = (int) Math.max(0, info.running);
        int queued = (int) Math.max(0, info.created - info.terminal - running);
        return new Progress(plan.name(), (int) Math.max(info.planned, info.created), queued, running,
                (int) info.executed, (int) info.reused, (int) info.failed,
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public Progress progress() {
        return last;
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            runs.executeOnKey(runId, new MarkCancelled());
            Collection<String> queued = state.keySet(Predicates.and(ofRun(),
                    Predicates.equal("status", InvState.QUEUED)));
            hints.removeAll(queued);
            state.removeAll(ofRun());
            runs.setTtl(runId, 10, TimeUnit.MINUTES); // long enough for running tasks to see the flag
            ends.forget(runId);
            dropDetail();
            finished.countDown();
        }
    }

    private void dropDetail() {
        if (detail != null) {
            state.removeEntryListener(detail);
            detail = null;
        }
    }

    @Override
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    @Override
    public synchronized Results await() {
        if (results != null) {
            return results;
        }
        StudyWaits.awaitEnd(finished, this, plan.name());
        if (cancelled.get()) {
            throw StudyWaits.cancelled(plan.name(), last);
        }
        RunLedger ledger = new RunLedger();
        RunTally tally = new RunTally(plan.name(), started);
        Collection<Object[]> rows = endRows != null ? endRows
                : state.project(Projections.multiAttribute("invocationId", "yieldsResult", "status"), ofRun());
        // keyed records: each invocation once, however often members ran it
        for (Object[] row : rows) {
            InvocationStatus status = InvocationStatus.ofCode((Integer) row[2]);
            if (!status.terminal()) {
                status = InvocationStatus.FAILED; // cannot happen after a confirmed end; counted, never dropped
            }
            tally.count(status);
            ledger.add(new RunLedger.Entry((String) row[0], (Boolean) row[1], status, null, null));
        }
        Progress end = tally.progress(0);
        last = end;
        listener.finished(end);
        results = ledger.compact(store, plan, runId, end);
        ends.forget(runId);
        cleaner.execute(this::cleanUp);
        return results;
    }

    /** Drops the run's entries from the grid; its results live in the store. */
    private void cleanUp() {
        try {
            dropDetail();
            state.removeAll(ofRun());
            runs.delete(runId);
        } catch (RuntimeException e) {
            // the connection went: the entries stay until the cluster restarts, harmless to other runs
        }
    }

    /** The run's state entries as (invocation id -> status), for tests and inspection before the end cleans up. */
    java.util.Map<String, Integer> statuses() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (Object[] row : state.project(Projections.multiAttribute("invocationId", "status"), ofRun())) {
            out.put((String) row[0], (Integer) row[1]);
        }
        return out;
    }
}
