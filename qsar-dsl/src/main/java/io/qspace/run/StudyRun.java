package io.qspace.run;

import io.qspace.results.Results;

/** A study under way on some runner: its counters, a way to stop it, and its results once it ends. */
public interface StudyRun {
    /** This run's id: its results stay under it in the store, beside other runs of the same study. */
    String runId();

    Progress progress();

    /** Stops the study: queued invocations are dropped, running ones stop at their next check. */
    void cancel();

    boolean isDone();

    /**
     * Waits for the end and reads the results back from the store. An interrupt while waiting cancels the study
     * (this is how stopping a notebook cell stops the work) and is rethrown as a CancellationException.
     */
    Results await();
}
