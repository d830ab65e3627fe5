package io.qspace.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
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
 *
 * <p>The runs map changes at every counter flush of every member; a plain listener would carry each of those updates
 * to every member (members x members x flushes). So members hear only of runs starting (to have the context ready
 * before the first invocation arrives), ending, and being cancelled (a predicate listener: only updates that set
 * the flag travel).
 */
final class RunContexts implements EntryAddedListener<String, RunInfo>, EntryRemovedListener<String, RunInfo> {
    /** @param refusal why this member refuses the run (then store and executor are null), or null */
    record Context(RunInfo info, ObjectStore store, InvocationExecutor executor, String refusal) {}

    private final IMap<String, RunInfo> runs;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final Map<String, ObjectStore> stores = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final UUID listener;
    private final UUID cancellations;

    RunContexts(IMap<String, RunInfo> runs) {
        this.runs = runs;
        this.listener = runs.addEntryListener(this, true);
        this.cancellations = runs.addEntryListener((EntryUpdatedListener<String, RunInfo>) e ->
                cancelled.add(e.getKey()), Predicates.equal("cancelled", true), false);
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
        return context(runId, info);
    }

    private Context context(String runId, RunInfo info) {
        String refusal = MemberTrust.current().refusal(info);
        if (refusal != null) {
            // refused before its store is opened or any of its code is read
            return contexts.computeIfAbsent(runId, id -> new Context(info, null, null, refusal));
        }
        ObjectStore store = stores.computeIfAbsent(info.storeUri, ObjectStores::open);
        return contexts.computeIfAbsent(runId,
                id -> new Context(info, store, new InvocationExecutor(store, ComputePool.shared()), null));
    }

    /** Whether this member has the run's context at hand (heard of the run, or ran one of its invocations). */
    boolean knows(String runId) {
        return contexts.containsKey(runId);
    }

    boolean cancelled(String runId) {
        return cancelled.contains(runId);
    }

    @Override
    public void entryAdded(EntryEvent<String, RunInfo> event) {
        try {
            if (event.getValue() != null) {
                context(event.getKey(), event.getValue());
            }
        } catch (RuntimeException e) {
            // a store this member cannot open: the first invocation of the run will fail with the reason
        }
    }

    @Override
    public void entryRemoved(EntryEvent<String, RunInfo> event) {
        contexts.remove(event.getKey());
    }

    void close() {
        try {
            runs.removeEntryListener(listener);
            runs.removeEntryListener(cancellations);
        } catch (RuntimeException ignored) {
            // the instance is shutting down
        }
    }
}
