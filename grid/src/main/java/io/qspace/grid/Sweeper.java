package io.qspace.grid;

import io.qspace.run.FailureRecords;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repairs what a vanished member leaves behind, on the oldest member only: invocations it had claimed go back to the
 * queue (with a bound, for tasks that kill their JVM), and queued invocations whose hints died with it (drained but
 * not yet claimed) get new hints. Runs when a member leaves and on a slow timer; both repairs are idempotent, and a
 * duplicated hint costs one failed claim.
 */
public final class Sweeper implements MembershipListener {
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    /** A queued entry younger than this may have its hint in some member's hands right now, about to be claimed. */
    private static final long HINT_GRACE_MILLIS = 2_000;
    private static final int FULL_CHECK_EVERY = 6;
    private final HazelcastInstance hz;
    private final IMap<String, InvState> state;
    private final IQueue<String> hints;
    private final CounterBuffer counters;
    private final int maxLost;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qspace-sweeper");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, io.qspace.store.ObjectStore> stores = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean memberLeft;
    private int ticks;
    private final UUID registration;

    public Sweeper(HazelcastInstance hz, GridSettings settings) {
        this.hz = hz;
        this.state = hz.getMap(GridNames.STATE);
        this.hints = hz.getQueue(GridNames.HINTS);
        this.counters = new CounterBuffer(hz.getMap(GridNames.RUNS));
        this.maxLost = settings.maxLost();
        this.registration = hz.getCluster().addMembershipListener(this);
        timer.scheduleWithFixedDelay(this::tick, settings.sweepSeconds(), settings.sweepSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void memberAdded(MembershipEvent event) {}

    @Override
    public void memberRemoved(MembershipEvent event) {
        memberLeft = true;
        // a moment for partitions to settle on their new owners
        timer.schedule(this::tick, 500, TimeUnit.MILLISECONDS);
    }

    private boolean oldest() {
        return hz.getCluster().getMembers().iterator().next().localMember();
    }

    private synchronized void tick() {
        try {
            if (!oldest()) {
                return;
            }
            boolean full = memberLeft || ++ticks % FULL_CHECK_EVERY == 0;
            memberLeft = false;
            sweep(full);
        } catch (HazelcastInstanceNotActiveException e) {
            timer.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweep failed; the next one will try again", e);
        }
    }

    /** @return how many invocations were re-queued or re-hinted */
    @SuppressWarnings("unchecked")
    int sweep(boolean checkHints) {
        Set<String> live = new HashSet<>();
        for (Member m : hz.getCluster().getMembers()) {
            live.add(m.getUuid().toString());
        }
        long now = System.currentTimeMillis();
        Predicate<String, InvState> orphaned = Predicates.and(Predicates.equal("status", InvState.CLAIMED),
                Predicates.or(Predicates.not(Predicates.in("owner", live.toArray(new String[0]))),
                        Predicates.lessThan("leaseUntil", now)));
        Set<String> orphans = state.keySet(orphaned);
        int repaired = 0;
        if (!orphans.isEmpty()) {
            Map<String, Integer> result = state.executeOnKeys(orphans, new Requeue(live, maxLost, now));
            List<String> requeued = new ArrayList<>();
            for (Map.Entry<String, Integer> e : result.entrySet()) {
                String runId = e.getKey().substring(0, e.getKey().indexOf('/'));
                if (e.getValue() != null && e.getValue() == InvState.QUEUED) {
                    requeued.add(e.getKey());
                    counters.add(runId, c -> c.running--);
                } else if (e.getValue() != null && e.getValue() == InvState.FAILED) {
                    recordLost(runId, e.getKey());
                    counters.add(runId, c -> {
                        c.running--;
                        c.terminal++;
                        c.failed++;
                    });
                }
            }
            hints.addAll(requeued);
            repaired += requeued.size();
            LOG.info("re-queued " + requeued.size() + " invocations claimed by members that left or whose leases ran out");
        }
        if (checkHints) {
            Predicate<String, InvState> waiting = Predicates.and(Predicates.equal("status", InvState.QUEUED),
                    Predicates.lessThan("queuedAt", System.currentTimeMillis() - HINT_GRACE_MILLIS));
            Set<String> queued = new HashSet<>(state.keySet(waiting));
            if (!queued.isEmpty()) {
                queued.removeAll(new HashSet<>(hints));
                if (!queued.isEmpty()) {
                    hints.addAll(queued);
                    repaired += queued.size();
                    LOG.info("re-hinted " + queued.size() + " queued invocations whose hints were lost");
                }
            }
        }
        counters.flush();
        return repaired;
    }

    private void recordLost(String runId, String key) {
        RunInfo info = hz.<String, RunInfo>getMap(GridNames.RUNS).get(runId);
        InvState s = state.get(key);
        if (info != null && s != null) {
            FailureRecords.write(stores.computeIfAbsent(info.storeUri, io.qspace.store.ObjectStores::open),
                    s.coordinatesMap(), s.invocationId, "the member running it left the grid " + maxLost
                            + " times (killed, out of memory, or hung)");
        }
    }

    public void stop() {
        timer.shutdownNow();
        try {
            hz.getCluster().removeMembershipListener(registration);
        } catch (RuntimeException ignored) {
            // shutting down
        }
    }
}
