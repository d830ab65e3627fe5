package io.qspace.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes a client's study run the moment a member marked it ended (its results are in the store), not at the next
 * poll. One listener per client for all its runs, filtered on the members: of the many counter updates a run gets,
 * only the one that ends it travels to the client.
 */
final class RunEnds implements EntryUpdatedListener<String, RunInfo>, AutoCloseable {
    private final IMap<String, RunInfo> runs;
    private final Map<String, Runnable> watched = new ConcurrentHashMap<>();
    private final UUID registration;

    RunEnds(IMap<String, RunInfo> runs) {
        this.runs = runs;
        this.registration = runs.addEntryListener(this, Predicates.equal("ended", true), false);
    }

    void watch(String runId, Runnable onLooksFinished) {
        watched.put(runId, onLooksFinished);
    }

    void forget(String runId) {
        watched.remove(runId);
    }

    @Override
    public void entryUpdated(EntryEvent<String, RunInfo> event) {
        Runnable wake = watched.get(event.getKey());
        if (wake != null) {
            wake.run();
        }
    }

    @Override
    public void close() {
        try {
            runs.removeEntryListener(registration);
        } catch (RuntimeException ignored) {
            // the connection is already gone
        }
    }
}
