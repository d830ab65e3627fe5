package io.qspace.store.s3;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Repeats an S3 call that failed transiently until it succeeds or a time window has passed, with exponential backoff
 * and jitter in between.
 *
 * <p>Why not only the SDK's retry strategy: it bounds retries by count, not time, and its token bucket stops retrying
 * altogether during a sustained outage, which protects a service but makes a batch worker fail a job because S3
 * restarted for five seconds. The SDK's apiCallTimeout bounds time but would also cut off a long, healthy upload. So
 * the SDK keeps a few quick retries for one-off blips, and this loop rides out outages up to the window.
 */
final class RetryWindow {
    private static final long FIRST_PAUSE_MS = 100;
    private static final long LONGEST_PAUSE_MS = 4_000;

    @FunctionalInterface
    interface S3Call<T> {
        T call();
    }

    /** Thrown when the window closed on a transient failure; carries the last failure. */
    static final class Exhausted extends Exception {
        final int attempts;

        Exhausted(SdkException last, int attempts) {
            super(last.getMessage(), last);
            this.attempts = attempts;
        }

        SdkException last() {
            return (SdkException) getCause();
        }
    }

    private final Duration window;

    RetryWindow(Duration window) {
        this.window = window;
    }

    Duration window() {
        return window;
    }

    <T> T run(S3Call<T> call) throws Exhausted, InterruptedIOException {
        long deadline = System.nanoTime() + window.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (SdkException e) {
                if (!TransientFaults.isTransient(e)) {
                    throw e;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new Exhausted(e, attempt);
                }
                pause(Math.min(left, pauseMillis(attempt)));
            }
        }
    }

    /** Half fixed, half random ("equal jitter"): waits grow, and many workers hit by one outage do not retry in step. */
    static long pauseMillis(int attempt) {
        long ceiling = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt - 1, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry an S3 call");
        }
    }
}
