package io.qspace.run;

import io.qspace.code.RunCode;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One study on the embedded runner: slots pull invocations from one queue; a finished invocation puts its children
 * at the front, so a dataset's models come out soon after its descriptors rather than after every other dataset's.
 */
final class LocalStudyRun implements StudyRun {
    private final Plan plan;
    private final ObjectStore store;
    private final int slots;
    private final InvocationExecutor executor;
    private final ProgressListener listener;
    private final LinkedBlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final RunTally tally;
    private final String runId;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final RunLedger ledger = new RunLedger();
    private final List<Thread> workers = new ArrayList<>();
    private final RunCode code;
    private final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

    LocalStudyRun(Plan plan, String runId, ObjectStore store, int slots, ExecutorService computePool,
                  ProgressListener listener) {
        this.plan = plan;
        this.runId = runId;
        this.tally = new RunTally(plan.name());
        this.store = store;
        this.slots = slots;
        this.executor = new InvocationExecutor(store, computePool);
        this.listener = listener;
        // every run-time class of the study is in its roots: children carry parts of their parents
        this.code = RunCode.ofRoots(store, plan.roots().toArray(Invocation[]::new));
    }

    void start() {
        for (Invocation root : plan.roots()) {
            enqueue(root, false);
        }
        tally.planned(plan.expectedInvocations());
        if (outstanding.get() == 0) {
            finished.countDown();
            return;
        }
        for (int i = 0; i < slots; i++) {
            Thread t = new Thread(this::work, "qspace-slot-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        listener.update(progress());
    }

    private void enqueue(Invocation invocation, boolean front) {
        if (!created.add(invocation.id())) {
            return; // made twice (a join's last two members ended together): once per run, as on the grid
        }
        outstanding.incrementAndGet();
        if (front) {
            queue.addFirst(invocation);
        } else {
            queue.addLast(invocation);
        }
    }

    private void work() {
        while (finished.getCount() > 0) {
            Invocation next;
            try {
                next = queue.pollFirst(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null || cancelled.get()) {
                continue;
            }
            tally.started();
            InvocationExecutor.Outcome outcome;
            try {
                outcome = attempt(next);
            } catch (CancellationException | InterruptedException e) {
                tally.abandoned();
                continue;
            }
            ledger.add(outcome);
            // Replace this invocation's estimated subtree with what its children really expect.
            int expectedChildren = outcome.children().stream().mapToInt(c -> c.task().expectedSubtreeSize()).sum();
            tally.replan(expectedChildren - (next.task().expectedSubtreeSize() - 1));
            tally.ended(outcome.status());
            for (int i = outcome.children().size() - 1; i >= 0; i--) {
                enqueue(outcome.children().get(i), true);
            }
            listener.update(progress());
            if (outstanding.decrementAndGet() == 0) {
                finished.countDown();
            }
        }
    }

    /** One attempt within the plan's time limit; past it the invocation fails with the reason, the slot goes on. */
    private InvocationExecutor.Outcome attempt(Invocation next) throws InterruptedException {
        AtomicBoolean stopped = new AtomicBoolean();
        TimeLimits.Attempt<InvocationExecutor.Outcome> a;
        try {
            a = TimeLimits.run(() -> executor.execute(next, code, () -> cancelled.get() || stopped.get()),
                    plan.timeLimit(), () -> stopped.set(true));
        } catch (InterruptedException | CancellationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // execute() turns every failure into an outcome: cannot happen
        }
        if (!a.timedOut()) {
            return a.value();
        }
        String error = TimeLimits.exceeded(plan.timeLimit());
        FailureRecords.write(store, next.coordinates(), next.id(), error);
        return new InvocationExecutor.Outcome(next, InvocationStatus.FAILED, List.of(), error);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Progress progress() {
        return tally.progress(queue.size());
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            queue.clear();
            finished.countDown();
        }
    }

    @Override
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    @Override
    public Results await() {
        StudyWaits.awaitEnd(finished, this, plan.name());
        for (Thread t : workers) {
            t.interrupt();
        }
        if (cancelled.get()) {
            throw StudyWaits.cancelled(plan.name(), progress());
        }
        listener.finished(progress());
        return ledger.compact(store, plan, runId, progress());
    }
}
