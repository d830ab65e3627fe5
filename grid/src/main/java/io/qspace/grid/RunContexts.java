package io.qspace.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.qspace.run.ComputePool;
import io.qspace.run.InvocationExecutor;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a member knows about the runs it works for: settings and store, read once per run, and which runs were
 * cancelled (pushed by a listener, so a running task sees the flag at its next check without asking the grid).
 */
final class RunContexts implements EntryUpdatedListener<String, RunInfo>, EntryRemovedListener<String, RunInfo> {
    record Context(RunInfo info, ObjectStore store, InvocationExecutor executor) {}

    private final IMap<String, RunInfo> runs;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final Map<String, ObjectStore> stores = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final UUID listener;

    RunContexts(IMap<String, RunInfo> runs) {
        this.runs = runs;
        this.listener = runs.addEntryListener(this, true);
    }

    /** @return the run's context, or null when the run is gone (finished or cancelled and cleaned up) */
    Context get(String runId) {
        Context c = contexts.get(runId);
        if (c != null) {
            return c;
        }
        RunInfo info = runs.get(runId);
        if (info == null) {
            return null;
        }
        if (info.cancelled) {
            cancelled.add(runId);
        }
        ObjectStore store = stores.computeIfAbsent(info.storeUri, ObjectStores::open);
        return contexts.computeIfAbsent(runId,
                id -> new Context(info, store, new InvocationExecutor(store, ComputePool.shared())));
    }

    boolean cancelled(String runId) {
        return cancelled.contains(runId);
    }

    @Override
    public void entryUpdated(EntryEvent<String, RunInfo> event) {
        if (event.getValue() != null && event.getValue().cancelled) {
            cancelled.add(event.getKey());
        }
    }

    @Override
    public void entryRemoved(EntryEvent<String, RunInfo> event) {
        contexts.remove(event.getKey());
    }

    void close() {
        try {
            runs.removeEntryListener(listener);
        } catch (RuntimeException ignored) {
            // the instance is shutting down
        }
    }
}
