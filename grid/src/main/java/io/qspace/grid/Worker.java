package io.qspace.grid;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.qspace.grid.code.AllowList;
import io.qspace.code.RunCode;
import io.qspace.grid.code.CodeCache;
import io.qspace.plan.Invocation;
import io.qspace.run.FailureRecords;
import io.qspace.run.InvocationExecutor;
import io.qspace.run.InvocationStatus;
import io.qspace.run.TimeLimits;
import io.qspace.store.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A member's slots. One fetcher pulls hints from the global queue and claims them in one batched entry processor, up
 * to the member's window (invocations held, running or waiting); the slots run what was claimed. A finished
 * invocation's children are created (state first), then hinted, and only then is the parent marked done, so at every
 * moment an unfinished tree has an unfinished entry: that is what makes the end exact.
 */
public final class Worker {
    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    /** A poll of the hints queue (500 ms) that has not returned after this long is abandoned. */
    static final long POLL_GIVE_UP_MILLIS = 10_000;
    private ExecutorService poller = newPoller();
    private final HazelcastInstance hz;
    private final GridSettings settings;
    private final IMap<String, InvState> state;
    private final IQueue<String> hints;
    private final String me;
    private final RunContexts runs;
    private final CounterBuffer counters;
    private final CodeCache code;
    private final LinkedBlockingQueue<InvState> claimed = new LinkedBlockingQueue<>();
    /** Keys this member has claimed and not yet ended: their leases are renewed while they wait or run. */
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Semaphore window;
    private final int refill;
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger busySlots = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;

    public Worker(HazelcastInstance hz, GridSettings settings) {
        this.hz = hz;
        this.settings = settings;
        this.state = hz.getMap(GridNames.STATE);
        this.hints = hz.getQueue(GridNames.HINTS);
        IMap<String, RunInfo> runMap = hz.getMap(GridNames.RUNS);
        this.me = hz.getCluster().getLocalMember().getUuid().toString();
        this.runs = new RunContexts(runMap);
        this.counters = new CounterBuffer(runMap);
        this.code = new CodeCache(Worker.class.getClassLoader(), AllowList.of(settings.allow()));
        int size = Math.max(settings.window(), settings.slots());
        this.window = new Semaphore(size);
        this.refill = size > settings.slots() ? Math.max(1, size / 4) : 1;
    }

    public Worker start() {
        threads.add(daemon("qspace-fetch", this::fetch));
        threads.add(daemon("qspace-counters", this::flushCounters));
        threads.add(daemon("qspace-finish", this::finishDone));
        if (settings.leaseSeconds() > 0) {
            threads.add(daemon("qspace-leases", this::renewLeases));
        }
        for (int i = 1; i <= settings.slots(); i++) {
            threads.add(daemon("qspace-slot-" + i, this::slot));
        }
        return this;
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (HazelcastInstanceNotActiveException e) {
                // shutting down
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void fetch() {
        while (running) {
            int n;
            List<String> keys = new ArrayList<>();
            try {
                // with a window beyond the slots, refill in chunks: refilling at every freed permit would shrink
                // claims to one invocation per round trip, the very cost batching is there to spread
                window.acquire(refill);
                n = refill + window.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            try {
                hints.drainTo(keys, n);
                if (keys.isEmpty()) {
                    String k = pollHint();
                    if (k != null) {
                        keys.add(k);
                        hints.drainTo(keys, n - 1);
                    }
                }
            } catch (InterruptedException | HazelcastInstanceNotActiveException e) {
                return;
            } catch (RuntimeException e) {
                // a member leaving, a migration: hints taken by a failed call are re-hinted by the sweeper
                warn("taking hints from the queue failed; trying again", e);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
            if (keys.isEmpty()) {
                window.release(n);
                continue;
            }
            int got = 0;
            // a failed partition group leaves its hints gone but its entries queued: the sweeper re-hints them
            Map<String, InvState> won = PartitionBatches.execute(hz, state, new LinkedHashSet<>(keys),
                    new Claim(me, leaseUntil()),
                    e -> warn("claiming invocations failed", e));
            Map<String, Integer> running = new java.util.HashMap<>();
            for (InvState s : won.values()) {
                if (s != null) {
                    got++;
                    running.merge(s.runId, 1, Integer::sum);
                    held.add(s.key());
                    claimed.add(s);
                }
            }
            running.forEach((runId, k) -> counters.add(runId, c -> c.running += k));
            if (!hz.getLifecycleService().isRunning()) {
                return;
            }
            window.release(n - got);
        }
    }

    /**
     * One hint, waiting up to 500 ms for it: a blocking poll, so idle members take new hints at once and in turn. It
     * runs on a helper thread because a poll parked on the queue's partition while that partition migrates (a member
     * died) can lose its response and never return: such a poll is abandoned after {@link #POLL_GIVE_UP_MILLIS} and
     * its thread replaced (a hint it may still take is re-hinted by the sweeper), so the fetcher never stalls.
     */
    private String pollHint() throws InterruptedException {
        Future<String> poll = poller.submit(() -> hints.poll(500, TimeUnit.MILLISECONDS));
        try {
            return poll.get(POLL_GIVE_UP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            poll.cancel(true);
            poller.shutdownNow();
            poller = newPoller();
            LOG.warning("a poll of the hints queue did not return in " + POLL_GIVE_UP_MILLIS
                    + " ms (its partition migrating?); abandoned, polling again");
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ExecutorService newPoller() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qspace-fetch-poll");
            t.setDaemon(true);
            return t;
        });
    }

    private void slot() {
        while (running) {
            InvState s;
            try {
                s = claimed.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (s == null) {
                continue;
            }
            busySlots.incrementAndGet();
            try {
                runOne(s);
            } catch (HazelcastInstanceNotActiveException e) {
                return;
            } catch (OutOfMemoryError e) {
                // the heap is not to be trusted any more: leave, and the sweeper gives this member's claims back
                LOG.log(Level.SEVERE, "out of memory running " + s.key() + "; this member exits", e);
                Runtime.getRuntime().halt(3);
            } catch (Throwable e) {
                // whatever went wrong, the claim ends in a retry or a failure with the reason: never left claimed
                LOG.log(Level.WARNING, "invocation " + s.key() + " could not be completed on the grid", e);
                safeFail(s, e);
            } finally {
                held.remove(s.key());
                busySlots.decrementAndGet();
                window.release();
            }
        }
    }

    private void runOne(InvState s) throws Exception {
        RunContexts.Context run;
        try {
            run = runs.get(s.runId);
        } catch (RuntimeException | LinkageError e) {
            // e.g. a store this member cannot open: the same on every attempt here, so it fails with the reason
            String error = "cannot run invocation " + s.invocationId + " on member " + me + ": " + e.getMessage();
            finishFailed(s, error, 1);
            return;
        }
        if (run == null) {
            return; // the run ended or was cancelled
        }
        String refusal = run.refusal() != null ? run.refusal() : MemberTrust.current().refusal(s);
        if (refusal != null) {
            LOG.warning(refusal);
            finishFailed(s, refusal, 1);
            return;
        }
        Invocation invocation;
        ClassLoader loader;
        try {
            loader = code.loader(s.code, run.store());
            invocation = code.decode(s.payload, s.code, run.store());
        } catch (RuntimeException | LinkageError e) {
            // a refused or unreadable invocation fails the same way every time: no retries
            String error = "cannot read invocation " + s.invocationId + ": " + e.getMessage();
            FailureRecords.write(run.store(), s.coordinatesMap(), s.invocationId, error);
            complete(run, s, null, InvState.FAILED, error, List.of(), 1);
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        TimeLimits.Attempt<InvocationExecutor.Outcome> attempt;
        try {
            attempt = TimeLimits.run(() -> run.executor().execute(invocation,
                            new RunCode(loader, s.code == null ? "" : s.code),
                            () -> stopped.get() || runs.cancelled(s.runId) || !running),
                    java.time.Duration.ofMillis(run.info().timeLimitMillis), () -> stopped.set(true));
        } catch (CancellationException e) {
            counters.add(s.runId, c -> c.running--);
            return;
        }
        if (attempt.timedOut()) {
            String error = TimeLimits.exceeded(java.time.Duration.ofMillis(run.info().timeLimitMillis));
            FailureRecords.write(run.store(), s.coordinatesMap(), s.invocationId, error);
            complete(run, s, invocation, InvState.FAILED, error, List.of(), run.info().maxAttempts);
            return;
        }
        InvocationExecutor.Outcome outcome = attempt.value();
        complete(run, s, invocation, outcome.status().code(), outcome.error(), outcome.children(),
                run.info().maxAttempts);
    }

    private void complete(RunContexts.Context run, InvState s, Invocation invocation, int status, String error,
                          List<Invocation> children, int maxAttempts) {
        long now = System.currentTimeMillis();
        int created = 0;
        long plannedDelta = 0;
        // a failure has children only on its last attempt: a join waiting on it (io.qspace.plan.ConsensusJoin)
        boolean lastWord = status != InvState.FAILED || s.attempts + 1 >= maxAttempts;
        if (lastWord && !children.isEmpty() && !runs.cancelled(s.runId)) {
            List<String> keys = new ArrayList<>(children.size());
            List<CompletionStage<Integer>> pending = new ArrayList<>(children.size());
            for (Invocation child : children) {
                InvState cs = new InvState(s.runId, child, Serialization.toBytes(child), s.code,
                        now);
                cs.signature = MemberTrust.signInvocation(MemberTrust.current().key(), cs);
                keys.add(cs.key());
                pending.add(state.submitToKey(cs.key(), new Create(cs)));
                plannedDelta += child.task().expectedSubtreeSize();
            }
            List<String> toHint = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                int r = pending.get(i).toCompletableFuture().join();
                if (r == Create.CREATED) {
                    created++;
                }
                if (r != Create.EXISTS) {
                    toHint.add(keys.get(i));
                }
            }
            hints.addAll(toHint);
        }
        long planned = invocation == null ? 0 : plannedDelta - (invocation.task().expectedSubtreeSize() - 1);
        if (status == InvState.FAILED) {
            int result = state.executeOnKey(s.key(), new Finish(status, error, maxAttempts, run.info().keepDetail,
                    now));
            if (result == InvState.QUEUED) {
                hints.add(s.key());
            }
            count(s.runId, result, created, planned);
        } else {
            // successes end in batches: one entry processor per member and batch instead of one per invocation
            done.add(new Done(s.runId, s.key(), status, run.info().keepDetail, created, planned));
        }
    }

    private record Done(String runId, String key, int status, boolean keepDetail, int created, long planned) {}

    private void count(String runId, int result, int newChildren, long planned) {
        boolean ended = result == InvState.EXECUTED || result == InvState.REUSED || result == InvState.FAILED;
        counters.add(runId, c -> {
            c.running--;
            c.created += newChildren;
            if (ended) {
                c.terminal++;
                c.planned += planned;
                switch (InvocationStatus.ofCode(result)) {
                    case EXECUTED -> c.executed++;
                    case REUSED -> c.reused++;
                    default -> c.failed++;
                }
            }
        });
    }

    private void finishDone() {
        List<Done> batch = new ArrayList<>();
        while (running || !done.isEmpty()) {
            batch.clear();
            try {
                Done first = done.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            done.drainTo(batch, 4096);
            Map<String, List<Done>> groups = new java.util.HashMap<>();
            for (Done d : batch) {
                groups.computeIfAbsent(d.status() + "/" + d.keepDetail(), k -> new ArrayList<>()).add(d);
            }
            long now = System.currentTimeMillis();
            for (List<Done> group : groups.values()) {
                Map<String, Done> byKey = new java.util.LinkedHashMap<>();
                group.forEach(d -> byKey.put(d.key(), d));
                Done any = group.get(0);
                // a failed group stays claimed by this member: if it stays, the next batch will not see them
                Map<String, Integer> results = PartitionBatches.execute(hz, state, byKey.keySet(),
                        new Finish(any.status(), "", 1, any.keepDetail(), now),
                        e -> warn("ending invocations failed; they will run again if this member leaves", e));
                for (Done d : byKey.values()) {
                    Integer r = results.get(d.key());
                    count(d.runId(), r == null ? -1 : r, d.created(), d.planned());
                }
            }
            if (busySlots.get() == 0 && claimed.isEmpty() && done.isEmpty()) {
                counters.flush(); // this member went idle, maybe at the end of a study: its client waits for this
            }
        }
    }

    private static void warn(String what, RuntimeException e) {
        if (!(e instanceof HazelcastInstanceNotActiveException)) {
            LOG.log(Level.WARNING, what, e);
        }
    }

    private void safeFail(InvState s, Throwable e) {
        try {
            finishFailed(s, String.valueOf(e), 1);
        } catch (RuntimeException | LinkageError ignored) {
            // the grid itself is unreachable: the lease runs out and the sweeper gives the claim back
        }
    }

    /** Ends a claim as failed (or queued again while attempts remain) without needing the run's context. */
    private void finishFailed(InvState s, String error, int maxAttempts) {
        try {
            RunContexts.Context run = runs.get(s.runId);
            if (run != null && run.store() != null) {
                FailureRecords.write(run.store(), s.coordinatesMap(), s.invocationId, error);
            }
        } catch (RuntimeException | LinkageError noStore) {
            // no store to record it in: the state entry carries the error, and the ledger writes the row
        }
        int result = state.executeOnKey(s.key(), new Finish(InvState.FAILED, error, maxAttempts, false,
                System.currentTimeMillis()));
        if (result == InvState.QUEUED) {
            hints.add(s.key());
        }
        count(s.runId, result, 0, 0);
    }

    /** Until when a claim made now holds; qspace.lease.seconds <= 0 switches leases off (claims hold until the end). */
    private long leaseUntil() {
        return settings.leaseSeconds() > 0 ? System.currentTimeMillis() + settings.leaseSeconds() * 1000L
                : Long.MAX_VALUE;
    }

    /** Extends the leases of every claim this member holds, queued in its window or running. */
    private void renewLeases() {
        long every = Math.max(1000, settings.leaseSeconds() * 1000L / 3);
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (!held.isEmpty()) {
                PartitionBatches.execute(hz, state, new java.util.HashSet<>(held),
                        new Renew(me, leaseUntil()),
                        e -> warn("renewing leases failed; the next renewal tries again", e));
            }
        }
    }

    private void flushCounters() {
        while (running) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            counters.flush();
        }
    }

    public void stop() {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
        }
        counters.flush();
        runs.close();
    }
}
