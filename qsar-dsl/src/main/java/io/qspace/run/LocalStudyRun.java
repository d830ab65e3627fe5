package io.qspace.run;

import io.qspace.code.RunCode;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.store.ObjectStore;
import java.time.Duration;
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
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final RunLedger ledger = new RunLedger();
    private final List<Thread> workers = new ArrayList<>();
    private final long started = System.nanoTime();
    private final RunCode code;

    LocalStudyRun(Plan plan, ObjectStore store, int slots, ExecutorService computePool, ProgressListener listener) {
        this.plan = plan;
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
        planned.set(plan.expectedInvocations());
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
            running.incrementAndGet();
            InvocationExecutor.Outcome outcome;
            try {
                outcome = executor.execute(next, code, cancelled::get);
            } catch (CancellationException e) {
                running.decrementAndGet();
                continue;
            }
            running.decrementAndGet();
            ledger.add(outcome);
            switch (outcome.status()) {
                case EXECUTED -> executed.incrementAndGet();
                case REUSED -> reused.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
            }
            // Replace this invocation's estimated subtree with what its children really expect.
            int expectedChildren = outcome.children().stream().mapToInt(c -> c.task().expectedSubtreeSize()).sum();
            planned.addAndGet(expectedChildren - (next.task().expectedSubtreeSize() - 1));
            for (int i = outcome.children().size() - 1; i >= 0; i--) {
                enqueue(outcome.children().get(i), true);
            }
            listener.update(progress());
            if (outstanding.decrementAndGet() == 0) {
                finished.countDown();
            }
        }
    }

    @Override
    public Progress progress() {
        return new Progress(plan.study().name(), planned.get(), queue.size(), running.get(), executed.get(),
                reused.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started));
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
        StudyWaits.awaitEnd(finished, this, plan.study().name());
        for (Thread t : workers) {
            t.interrupt();
        }
        if (cancelled.get()) {
            throw StudyWaits.cancelled(plan.study().name(), progress());
        }
        listener.finished(progress());
        return ledger.compact(store, plan, progress());
    }
}
