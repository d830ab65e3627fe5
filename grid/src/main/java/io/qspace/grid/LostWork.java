package io.qspace.grid;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;

/**
 * Tells a run that can never end though nothing of it runs: its counters count invocations still to finish, yet the
 * grid holds no unfinished entry of it. Either entries are gone (fewer than the run created: lost with a member that
 * died while partitions still migrated, a new backup not yet in sync; or a counter update applied twice when a call
 * was retried after its member died), or the counters fell behind (a member killed before it sent its buffered
 * counts). In a healthy run neither shows for long: children are written before they are counted, and counts reach
 * the run within a fraction of a second.
 *
 * <p>It looks only once the counters have stood still a while, and ever more rarely while they stay still (long
 * invocations), so a running study costs no extra traffic; a verdict needs two looks {@value #SECOND_LOOK_MILLIS} ms
 * apart that agree.
 */
final class LostWork {
    static final long FIRST_LOOK_MILLIS = 5_000;
    static final long SECOND_LOOK_MILLIS = 5_000;
    private static final long LONGEST_WAIT_MILLIS = 60_000;

    /** What two looks at a still run found. */
    enum Verdict { NONE, ENTRIES_LOST, COUNTERS_BEHIND }

    private final IMap<String, InvState> state;
    private final String runId;
    private String lastCounts = "";
    private long nextLook;
    private long wait = FIRST_LOOK_MILLIS;
    private Verdict firstLook = Verdict.NONE;
    private long entries;
    /** When a look first found the run's own entry missing; 0 while it is there. */
    private long missingSince;

    LostWork(IMap<String, InvState> state, String runId) {
        this.state = state;
        this.runId = runId;
    }

    Verdict look(RunInfo info, long now) {
        missingSince = 0;
        String counts = info.created + "/" + info.terminal + "/" + info.running;
        if (!counts.equals(lastCounts)) {
            lastCounts = counts;
            lookAgainIn(FIRST_LOOK_MILLIS, now);
            return Verdict.NONE;
        }
        if (info.cancelled || info.ended || info.terminal >= info.created || now < nextLook) {
            return Verdict.NONE;
        }
        Verdict seen;
        try {
            seen = see(info);
        } catch (RuntimeException e) {
            lookAgainIn(wait, now); // a member left mid-call: the next look will tell
            return Verdict.NONE;
        }
        if (seen != Verdict.NONE && seen == firstLook) {
            firstLook = Verdict.NONE;
            return seen;
        }
        firstLook = seen;
        if (seen == Verdict.NONE) {
            lookAgainIn(Math.min(LONGEST_WAIT_MILLIS, 2 * wait), now);
        } else {
            nextLook = now + SECOND_LOOK_MILLIS;
        }
        return Verdict.NONE;
    }

    /**
     * A look that found no entry for the run itself and no results in the store: the run can never end either (the
     * entry was lost as entries are, above). True once that has held for {@value #SECOND_LOOK_MILLIS} ms, as two
     * agreeing looks; a look that finds the entry again starts over.
     */
    boolean runEntryGone(long now) {
        if (missingSince == 0) {
            missingSince = now;
            return false;
        }
        if (now - missingSince < SECOND_LOOK_MILLIS) {
            return false;
        }
        missingSince = 0;
        return true;
    }

    /** The run's entries when the last verdict was given. */
    long entries() {
        return entries;
    }

    /** Starts over: the next look in {@code millis}, and a verdict needs two agreeing looks again. */
    void lookAgainIn(long millis, long now) {
        wait = millis;
        nextLook = now + millis;
        firstLook = Verdict.NONE;
    }

    private Verdict see(RunInfo info) {
        long all = state.aggregate(Aggregators.count(), Predicates.equal("runId", runId));
        long open = all == 0 ? 0 : state.aggregate(Aggregators.count(),
                Predicates.and(Predicates.equal("runId", runId), Predicates.equal("terminal", false)));
        entries = all;
        if (open > 0) {
            return Verdict.NONE;
        }
        return all < info.created ? Verdict.ENTRIES_LOST : Verdict.COUNTERS_BEHIND;
    }
}
