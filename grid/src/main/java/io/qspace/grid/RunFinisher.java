package io.qspace.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.qspace.run.InvocationStatus;
import io.qspace.run.Progress;
import io.qspace.run.RunLedger;
import io.qspace.run.RunTally;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends runs on the grid, so a study outlives the client that submitted it: when a run's counters say it finished,
 * the oldest member confirms that against the state entries, writes the ledger as the run's results table and
 * manifest, marks the run ended (its clients, the original or one re-attached by name, then read the results from the
 * store) and drops its state entries. The run's entry stays a while for late readers, then expires.
 */
final class RunFinisher {
    private static final Logger LOG = Logger.getLogger(RunFinisher.class.getName());
    /** A member that began ending a run and has not finished after this long is presumed gone: another takes over. */
    private static final long STALE_MILLIS = 120_000;
    private final HazelcastInstance hz;
    private final IMap<String, RunInfo> runs;
    private final IMap<String, InvState> state;
    private final int keepEndedMinutes;
    private final Map<String, ObjectStore> stores = new ConcurrentHashMap<>();
    private final ExecutorService ender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qspace-run-ends");
        t.setDaemon(true);
        return t;
    });
    private final UUID registration;

    RunFinisher(HazelcastInstance hz, int keepEndedMinutes) {
        this.hz = hz;
        this.runs = hz.getMap(GridNames.RUNS);
        this.state = hz.getMap(GridNames.STATE);
        this.keepEndedMinutes = keepEndedMinutes;
        this.registration = runs.addEntryListener((EntryUpdatedListener<String, RunInfo>) e -> {
            if (oldest()) {
                ender.execute(() -> tryToEnd(e.getKey()));
            }
        }, Predicates.equal("awaitsEnd", true), false);
    }

    private boolean oldest() {
        try {
            return hz.getCluster().getMembers().iterator().next().localMember();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The sweeper's slow path: every run that awaits its end, in case an event was missed or an ender died. */
    void sweep() {
        if (!oldest()) {
            return;
        }
        // also runs whose ender began and vanished: Begin takes over those that have been ending too long
        for (String runId : runs.keySet(Predicates.and(Predicates.equal("looksFinished", true),
                Predicates.equal("ended", false), Predicates.equal("cancelled", false)))) {
            ender.execute(() -> tryToEnd(runId));
        }
    }

    private void tryToEnd(String runId) {
        try {
            Collection<Object[]> rows = state.project(Projections.multiAttribute("invocationId", "yieldsResult",
                    "status", "terminal", "coordinates", "error"), Predicates.equal("runId", runId));
            for (Object[] row : rows) {
                if (!(Boolean) row[3]) {
                    return; // the counters ran ahead of the entries: a later update or sweep ends it
                }
            }
            RunInfo seen = runs.get(runId);
            if (seen == null || rows.size() < seen.created) {
                // fewer entries than the run created: this member sees part of the grid (it was cut off or frozen
                // and formed a cluster of its own); the members that see all of it end the run
                return;
            }
            if (!runs.executeOnKey(runId, new RunEndSteps.Begin(System.currentTimeMillis(), STALE_MILLIS))) {
                return;
            }
            RunInfo info = runs.get(runId);
            if (info == null) {
                return;
            }
            String refusal = MemberTrust.current().refusal(info);
            if (refusal != null) {
                // work this grid never ran: nothing to write into a store it may not open
                LOG.warning(refusal + "; its entries are dropped");
                state.removeAll(Predicates.equal("runId", runId));
                runs.delete(runId);
                return;
            }
            String error = null;
            try {
                if (resultsWritten(info)) {
                    // ended already by a member that has since left, or the other side of a split: written once
                    runs.executeOnKey(runId, new RunEndSteps.Done(null));
                    return;
                }
                end(info, rows);
            } catch (RuntimeException e) {
                error = "the results of " + info.study + " could not be written to " + info.storeUri + ": "
                        + e.getMessage();
                LOG.log(Level.WARNING, error + "; the next sweep tries again", e);
            }
            runs.executeOnKey(runId, new RunEndSteps.Done(error));
            if (error == null) {
                runs.setTtl(runId, keepEndedMinutes, TimeUnit.MINUTES);
                state.removeAll(Predicates.equal("runId", runId));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ending run " + runId + " failed; the next sweep tries again", e);
        }
    }

    private boolean resultsWritten(RunInfo info) {
        return io.qspace.run.RunLedger.written(stores.computeIfAbsent(info.storeUri, ObjectStores::open), info.study,
                info.runId);
    }

    private void end(RunInfo info, Collection<Object[]> rows) {
        RunLedger ledger = new RunLedger();
        RunTally tally = new RunTally(info.study, System.nanoTime()
                - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - info.startedAt));
        for (Object[] row : rows) {
            InvocationStatus status = InvocationStatus.ofCode((Integer) row[2]);
            tally.count(status);
            ledger.add(new RunLedger.Entry((String) row[0], (Boolean) row[1], status,
                    InvState.coordinatesOf((String[]) row[4]), (String) row[5]));
        }
        Progress end = tally.progress(0);
        ObjectStore store = stores.computeIfAbsent(info.storeUri, ObjectStores::open);
        ledger.write(store, info.study, info.manifest, info.runId, end); // clients read it back, not the member
    }

    void stop() {
        ender.shutdownNow();
        try {
            runs.removeEntryListener(registration);
        } catch (RuntimeException ignored) {
            // shutting down
        }
    }
}
