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
import io.qspace.run.Progress;
import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import io.qspace.run.StudyWaits;
import io.qspace.store.ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
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
    /**
     * Roots per bulk write and hint message: the first chunk small, so that members start after a short write, then
     * doubling up to a size that batches well while members work on what came before.
     */
    private static final int FIRST_CHUNK = 64;
    private static final int MAX_CHUNK = 2_000;
    /** New runs of one study after the grid lost entries, before the client gives up saying so. */
    private static final int MAX_RESUBMISSIONS = 3;
    private static final String WHY_LOST =
            " (most likely with a member that died while the grid was moving data between members)";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(GridStudyRun.class.getName());

    private final HazelcastInstance hz;
    private final String study;
    private final ObjectStore store;
    private final ProgressListener listener;
    /** The run this client follows: a new one when the grid lost part of the first (see {@link #resubmit}). */
    private volatile String runId;
    private final IMap<String, InvState> state;
    private final IMap<String, RunInfo> runs;
    private final IQueue<String> hints;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final long started = System.nanoTime();
    private volatile Progress last;
    private Results results;
    private Thread monitor;
    private volatile java.util.UUID detail;
    private final RunEnds ends;
    /** Released when a member marked the run ended: the watcher looks at once instead of at its next poll. */
    private final java.util.concurrent.Semaphore ended = new java.util.concurrent.Semaphore(0);
    /** What start was given, kept to submit the plan again; null for a run this client attached to. */
    private Submission submission;
    private LostWork lost;
    private int resubmissions;
    private int failedResubmissions;
    /** Why the run can never end, when it cannot; await throws it. */
    private volatile String failure;
    /** A cancel and a new submission never interleave: the cancel drops whichever run is current. */
    private final Object switching = new Object();

    private record Submission(Plan plan, CodeShipper shipper, GridKey key, int maxAttempts, boolean keepDetail,
                              java.util.function.BiConsumer<String, String> onInvocation, long startedAt) {}

    GridStudyRun(HazelcastInstance hz, String study, int planned, ObjectStore store, ProgressListener listener,
                 String runId, RunEnds ends) {
        this.hz = hz;
        this.ends = ends;
        this.study = study;
        this.store = store;
        this.listener = listener;
        this.runId = runId;
        this.state = hz.getMap(GridNames.STATE);
        this.runs = hz.getMap(GridNames.RUNS);
        this.hints = hz.getQueue(GridNames.HINTS);
        this.last = new Progress(study, planned, 0, 0, 0, 0, 0, Duration.ZERO);
    }

    @Override
    public String runId() {
        return runId;
    }

    void start(Plan plan, CodeShipper shipper, GridKey key, int maxAttempts, boolean keepDetail,
               java.util.function.BiConsumer<String, String> onInvocation) {
        submission = new Submission(plan, shipper, key, maxAttempts, keepDetail, onInvocation,
                System.currentTimeMillis());
        if (!put(submission, runId)) {
            // nothing to run: the results (empty) are written here, as a member would
            new io.qspace.run.RunLedger().compact(store, plan, runId, last);
            finished.countDown();
            return;
        }
        lost = new LostWork(state, runId);
        watch();
    }

    /** Writes the run's entry and its roots under the run id given; false when the plan has no invocation. */
    private boolean put(Submission s, String id) {
        Plan plan = s.plan();
        if (s.onInvocation() != null) {
            detail = state.addEntryListener((com.hazelcast.map.listener.EntryUpdatedListener<String, InvState>)
                    e -> s.onInvocation().accept(e.getValue().invocationId, e.getValue().statusValue().label()),
                    Predicates.equal("runId", id), true);
        }
        ends.watch(id, ended::release);
        RunInfo info = new RunInfo(id, plan.name(), plan.storeUri(), s.maxAttempts(), s.keepDetail());
        info.timeLimitMillis = plan.timeLimit().toMillis();
        info.manifest = new java.util.LinkedHashMap<>(plan.manifest());
        info.startedAt = s.startedAt();
        info.planned = plan.expectedInvocations();
        info.signature = MemberTrust.signRun(s.key(), info);
        // a fresh run id: none of its entries can exist yet, so the roots are written in bulk, not created one by one
        int created = (int) plan.roots().stream().map(Invocation::id).distinct().count();
        info.created = created; // all of them, before any can end: the counters never look finished early
        if (created == 0) {
            return false;
        }
        runs.set(id, info);
        submit(plan, s.shipper(), s.key(), id);
        return true;
    }

    /** What a run that cannot end gets: its counters caught up when only they fell behind, else a new run. */
    private void repair(LostWork.Verdict verdict, RunInfo info) {
        if (verdict == LostWork.Verdict.COUNTERS_BEHIND) {
            LOG.info("run " + runId + " of study " + study + ": every invocation ended but the counters missed "
                    + (info.created - info.terminal) + " ends (a member left before sending them); caught up");
            runs.executeOnKey(runId, new CatchUpCounters(lost.entries()));
            lost.lookAgainIn(LostWork.FIRST_LOOK_MILLIS, System.currentTimeMillis());
        } else if (verdict == LostWork.Verdict.ENTRIES_LOST) {
            synchronized (switching) {
                if (!cancelled.get()) {
                    resubmit("run " + runId + " of study " + study + " lost " + (info.created - lost.entries())
                            + " of its invocations' grid entries" + WHY_LOST);
                }
            }
        }
    }

    /**
     * The grid lost entries of this run, so it can never end: the plan goes on the grid again as a new run, whose
     * invocations find what the first one finished in the store and reuse it, and then the first run is dropped. A
     * run attached to (no plan here), lost again and again, or that cannot be submitted again is dropped and ends
     * with an error saying what to do.
     */
    private void resubmit(String what) {
        String old = runId;
        if (submission == null || resubmissions == MAX_RESUBMISSIONS) {
            giveUp(what + (submission == null ? "" : ", and again after " + resubmissions + " new submissions"));
            return;
        }
        String next = io.qspace.run.RunIds.next();
        dropDetail();
        try {
            submission.plan().publish(store, next);
            put(submission, next);
        } catch (RuntimeException e) {
            // the grid or the store failing now (a member just died): the next look tries again, a few times
            dropQuietly(next);
            dropDetail();
            if (++failedResubmissions == MAX_RESUBMISSIONS) {
                giveUp(what + "; submitting it again failed: " + e.getMessage());
            } else {
                LOG.log(java.util.logging.Level.WARNING, what + "; submitting it again failed, trying again", e);
                lost.lookAgainIn(LostWork.FIRST_LOOK_MILLIS, System.currentTimeMillis());
            }
            return;
        }
        resubmissions++;
        runId = next;
        lost = new LostWork(state, next);
        LOG.warning(what + "; submitted again as run " + next + ", reusing what finished");
        dropQuietly(old);
    }

    /** Drops a run that can never end (later attaches would find it again) and ends this one with the reason. */
    private void giveUp(String why) {
        dropQuietly(runId);
        dropDetail();
        fail(why + "; submit the study again: what finished is stored and will be reused");
    }

    private void dropQuietly(String id) {
        try {
            drop(id);
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "could not drop run " + id + " from the grid", e);
        }
    }

    private void fail(String why) {
        failure = why;
        finished.countDown();
    }

    /** Follows a run that is already on the grid (submitted by another client, maybe one that is gone). */
    void attach() {
        ends.watch(runId, ended::release);
        lost = new LostWork(state, runId);
        watch();
    }

    private void watch() {
        monitor = new Thread(this::follow, "qspace-grid-" + runId);
        monitor.setDaemon(true);
        monitor.start();
    }

    /**
     * Writes the roots' state entries and then their hints, chunk by chunk, so members start on the first chunk
     * while the client encodes the next (encoding overlaps the previous chunk's write). Each chunk's hints follow
     * its entries: a hint never points at an entry that is not there yet. The end is watched only after the last
     * chunk, so an early chunk finishing before the next is written cannot look like the end.
     */
    private void submit(Plan plan, CodeShipper shipper, GridKey gridKey, String id) {
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
                String key = InvState.key(id, root.id());
                if (seen.add(key)) {
                    CodeShipper.Encoded e = shipper.encode(root, store);
                    InvState entry = new InvState(id, root, e.payload(), e.code(), now);
                    entry.signature = MemberTrust.signInvocation(gridKey, entry);
                    chunk.put(key, entry);
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

    /** Shows progress from the run's counters until a member marks the run ended (woken by that event). */
    private void follow() {
        while (finished.getCount() > 0 && !cancelled.get()) {
            try {
                ended.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                ended.drainPermits();
                RunInfo info = runs.get(runId);
                if (info == null) {
                    if (io.qspace.run.RunLedger.written(store, study, runId)) {
                        // expired after its end: a member wrote the results
                        finished.countDown();
                        return;
                    }
                    if (lost.runEntryGone(System.currentTimeMillis())) {
                        synchronized (switching) {
                            if (!cancelled.get()) {
                                resubmit("run " + runId + " of study " + study + " lost its own grid entry before"
                                        + " its results were written" + WHY_LOST);
                            }
                        }
                    }
                    continue;
                }
                last = progress(info);
                if (info.ended) {
                    finished.countDown();
                    return;
                }
                if (info.cancelled && !cancelled.get()) {
                    fail("run " + runId + " of study " + study + " was cancelled by another client (or submitted "
                            + "again as a new run after the grid lost part of it): attach to the study again, or "
                            + "submit it again; what finished is stored and will be reused");
                    return;
                }
                listener.update(last);
                repair(lost.look(info, System.currentTimeMillis()), info);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a member left mid-call (TargetDisconnectedException is not retried): poll again
            }
        }
    }

    private Predicate<String, InvState> ofRun() {
        return Predicates.equal("runId", runId);
    }

    private Progress progress(RunInfo info) {
        int running = (int) Math.max(0, info.running);
        int queued = (int) Math.max(0, info.created - info.terminal - running);
        return new Progress(study, (int) Math.max(info.planned, info.created), queued, running,
                (int) info.executed, (int) info.reused, (int) info.failed,
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public Progress progress() {
        return last;
    }

    @Override
    public void cancel() {
        synchronized (switching) {
            cancelNow();
        }
    }

    private void cancelNow() {
        if (cancelled.compareAndSet(false, true)) {
            drop(runId);
            dropDetail();
            finished.countDown();
        }
    }

    /**
     * Marks a run cancelled and removes its entries and hints; its entry stays a while for running tasks to see. The
     * per-invocation listener is the caller's to drop: after a new submission it already follows the new run.
     */
    private void drop(String id) {
        runs.executeOnKey(id, new MarkCancelled());
        Predicate<String, InvState> ofIt = Predicates.equal("runId", id);
        hints.removeAll(state.keySet(Predicates.and(ofIt, Predicates.equal("status", InvState.QUEUED))));
        state.removeAll(ofIt);
        runs.setTtl(id, 10, TimeUnit.MINUTES);
        ends.forget(id);
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
        StudyWaits.awaitEnd(finished, this, study);
        if (cancelled.get()) {
            throw StudyWaits.cancelled(study, last);
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        ends.forget(runId);
        dropDetail();
        // a member wrote the ledger: the table, the manifest with the run's counts, the latest copy
        results = Results.load(store, study, runId);
        Progress end = new Progress(study, results.executed() + results.reused() + results.failed(), 0, 0,
                results.executed(), results.reused(), results.failed(), Duration.ofNanos(System.nanoTime() - started));
        last = end;
        listener.finished(end);
        return results;
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
