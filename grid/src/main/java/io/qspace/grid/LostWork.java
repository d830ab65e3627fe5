package io.qspace.grid;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;

/**
 * Tells a run that can never end: its counters count invocations still to finish, yet the grid holds no unfinished
 * entry of it and fewer entries than it created. Entries are lost when a member dies while partitions still migrate
 * (a new backup not yet in sync), and a counter update can count twice when a call is retried after its member died.
 * In a healthy run the grid never holds fewer entries than the counters created (children are written before they
 * are counted), so the sign cannot come from a run that is merely slow.
 *
 * <p>It looks only once the counters have stood still a while, and again ever more rarely while they stay still
 * (long invocations), so a running study costs no extra traffic; a stall counts once two looks agree.
 */
final class LostWork {
    static final long FIRST_LOOK_MILLIS = 5_000;
    private static final long LONGEST_WAIT_MILLIS = 60_000;
    private final IMap<String, InvState> state;
    private final String runId;
    private String lastCounts = "";
    private long stillSince;
    private long wait = FIRST_LOOK_MILLIS;
    private int agreeingLooks;

    LostWork(IMap<String, InvState> state, String runId) {
        this.state = state;
        this.runId = runId;
    }

    /** @return how many entries the run misses when it is stalled (two looks agreed), otherwise 0 */
    long missing(RunInfo info, long now) {
        String counts = info.created + "/" + info.terminal + "/" + info.running;
        if (!counts.equals(lastCounts)) {
            lastCounts = counts;
            stillSince = now;
            wait = FIRST_LOOK_MILLIS;
            agreeingLooks = 0;
            return 0;
        }
        if (info.cancelled || info.ended || now - stillSince < wait) {
            return 0;
        }
        long all = state.aggregate(Aggregators.count(), Predicates.equal("runId", runId));
        long open = all == 0 ? 0 : state.aggregate(Aggregators.count(),
                Predicates.and(Predicates.equal("runId", runId), Predicates.equal("terminal", false)));
        if (open == 0 && all < info.created) {
            if (++agreeingLooks >= 2) {
                return info.created - all;
            }
            stillSince = now - wait + 1_000; // the second look a second later
        } else {
            agreeingLooks = 0;
            stillSince = now;
            wait = Math.min(LONGEST_WAIT_MILLIS, 2 * wait);
        }
        return 0;
    }
}
