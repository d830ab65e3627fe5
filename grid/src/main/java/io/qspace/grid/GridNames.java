package io.qspace.grid;

/** Names of the grid's shared structures: one place, so members and clients agree. */
public final class GridNames {
    private GridNames() {}

    /** IMap key "runId/invocationId" -> InvState: the truth about every invocation. */
    public static final String STATE = "qspace.state";
    /** IMap runId -> RunInfo: each run's settings and counters. */
    public static final String RUNS = "qspace.runs";
    /** IQueue of state keys: hints at claimable invocations, possibly stale or duplicated, never the truth. */
    public static final String HINTS = "qspace.hints";
    /** Executor on every member for the store probe a study runs before its work goes out. */
    public static final String PROBES = "qspace.probes";
}
