package io.qspace.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A study run's counters as one runner keeps them: how many invocations are planned, running and ended by status.
 * Both runners count with it and turn it into the same {@link Progress}.
 */
public final class RunTally {
    private final String study;
    private final long started;
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public RunTally(String study) {
        this(study, System.nanoTime());
    }

    /** @param startedNanos when the run started, by System.nanoTime() */
    public RunTally(String study, long startedNanos) {
        this.study = study;
        this.started = startedNanos;
    }

    public void planned(int invocations) {
        planned.set(invocations);
    }

    /** An invocation's estimated subtree replaced by what its children really expect. */
    public void replan(int delta) {
        planned.addAndGet(delta);
    }

    public void started() {
        running.incrementAndGet();
    }

    /** A running invocation that stopped without an end (cancelled). */
    public void abandoned() {
        running.decrementAndGet();
    }

    public void ended(InvocationStatus status) {
        running.decrementAndGet();
        count(status);
    }

    /** An end learnt afterwards (a grid's state rows), never counted as running here. */
    public void count(InvocationStatus status) {
        switch (status) {
            case EXECUTED -> executed.incrementAndGet();
            case REUSED -> reused.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            default -> throw new IllegalArgumentException("not an end: " + status);
        }
    }

    public int ended() {
        return executed.get() + reused.get() + failed.get();
    }

    public Progress progress(int queued) {
        return new Progress(study, Math.max(planned.get(), ended()), queued, running.get(), executed.get(),
                reused.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started));
    }
}
