package io.qspace.run;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

/** How every runner's {@link StudyRun#await()} ends a wait: one behaviour for interrupts and cancels. */
public final class StudyWaits {
    private StudyWaits() {}

    /**
     * Waits for the study's end. An interrupt (a notebook cell being stopped) cancels the study and is rethrown as a
     * CancellationException; a study that was cancelled ends the same way, saying what was kept.
     */
    public static void awaitEnd(CountDownLatch finished, StudyRun run, String study) {
        try {
            finished.await();
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("study " + study + " cancelled: the wait was interrupted");
        }
    }

    public static CancellationException cancelled(String study, Progress progress) {
        return new CancellationException("study " + study + " was cancelled after " + progress.finished() + " of "
                + progress.planned() + " invocations; what finished is stored and will be reused when the study "
                + "runs again");
    }
}
