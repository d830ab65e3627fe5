package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The sweeper's repair of an invocation claimed by a member that left, or whose claim's lease ran out (a member
 * alive in the cluster that stopped renewing: frozen, or its slot lost): back to the queue, unless members died under
 * it maxLost times (a task that kills its JVM), in which case it ends as failed. Returns the new status or -1.
 */
public final class Requeue implements EntryProcessor<String, InvState, Integer>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> liveMembers;
    private final int maxLost;
    private final long now;

    public Requeue(Set<String> liveMembers, int maxLost, long now) {
        this.liveMembers = liveMembers;
        this.maxLost = maxLost;
        this.now = now;
    }

    @Override
    public Integer process(Map.Entry<String, InvState> entry) {
        InvState s = entry.getValue();
        if (s == null || s.status != InvState.CLAIMED || (liveMembers.contains(s.owner) && s.leaseUntil >= now)) {
            return -1;
        }
        s.lost++;
        s.owner = null;
        if (s.lost >= maxLost) {
            s.status = InvState.FAILED;
            s.terminal = true;
            s.error = "the member running it left the grid " + s.lost + " times (killed, out of memory, or hung)";
        } else {
            s.status = InvState.QUEUED;
            s.queuedAt = now;
        }
        entry.setValue(s);
        return s.status;
    }
}
