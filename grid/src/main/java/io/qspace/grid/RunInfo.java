package io.qspace.grid;

import java.io.Serializable;

/**
 * One study run on the grid: what members need to run its invocations (store, retry bound, switches) and its
 * counters, which members add to in batches. Counters drive the progress display and tell the client when to look
 * for the end; the end itself is confirmed against the state entries, so a counter delta lost with a killed member
 * can delay the answer but never falsify it.
 */
public final class RunInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    public String runId;
    public String study;
    public String storeUri;
    public int maxAttempts;
    /** Keep each invocation's payload after success (detail for inspection) instead of dropping it. */
    public boolean keepDetail;
    public boolean cancelled;
    /** How long one attempt of an invocation may run (the study's time limit). */
    public long timeLimitMillis = java.time.Duration.ofHours(4).toMillis();

    public long planned;
    public long created;
    public long terminal;
    public long running;
    public long executed;
    public long reused;
    public long failed;

    public RunInfo() {}

    public RunInfo(String runId, String study, String storeUri, int maxAttempts, boolean keepDetail) {
        this.runId = runId;
        this.study = study;
        this.storeUri = storeUri;
        this.maxAttempts = maxAttempts;
        this.keepDetail = keepDetail;
    }

    /** Whether the counters say every created invocation ended (a hint: the state entries have the last word). */
    public boolean looksFinished() {
        return created > 0 && terminal >= created;
    }
}
