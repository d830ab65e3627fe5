package io.qspace.run;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one attempt of an invocation on a thread of its own while the slot waits at most the study's time limit.
 * Past the limit the attempt is told to stop (its cancel check and an interrupt) and left behind: Java cannot kill a
 * thread, so code that loops without checking keeps its thread, but never again its slot. Threads are pooled, so an
 * attempt costs no thread start.
 */
public final class TimeLimits {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger ABANDONED = new AtomicInteger();
    private static final ExecutorService ATTEMPTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "qspace-attempt-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private TimeLimits() {}

    /** The attempt's value, or timedOut when it ran past the limit. */
    public record Attempt<T>(T value, boolean timedOut) {}

    /**
     * @param stop called once when the limit passes, before the attempt's thread is interrupted: the caller's flag
     *             that makes the attempt's cancel checks throw and its late results be ignored
     * @throws Exception what the body threw (Errors included, unwrapped)
     */
    public static <T> Attempt<T> run(Callable<T> body, Duration limit, Runnable stop) throws Exception {
        Future<T> attempt = ATTEMPTS.submit(body);
        try {
            return new Attempt<>(attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS), false);
        } catch (TimeoutException e) {
            stop.run();
            attempt.cancel(true);
            ABANDONED.incrementAndGet();
            return new Attempt<>(null, true);
        } catch (InterruptedException e) {
            stop.run();
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Attempts that ran past their limit in this JVM since it started (their threads may still be running). */
    public static int abandoned() {
        return ABANDONED.get();
    }

    /** "ran past the study's time limit of 4h00m; stopped" and what to do about it. */
    public static String exceeded(Duration limit) {
        return "ran past the study's time limit of " + Progress.format(limit) + " and was stopped: make the "
                + "builder faster, or give the study more time with .timeLimit(Duration.ofHours(...))";
    }
}
