package io.qspace.grid;

import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects counter deltas per run and sends them in one entry processor per run every flush, so status traffic
 * stays one small message per member and interval however many invocations finish.
 */
final class CounterBuffer {
    private final IMap<String, RunInfo> runs;
    private final Map<String, Counters> pending = new ConcurrentHashMap<>();

    CounterBuffer(IMap<String, RunInfo> runs) {
        this.runs = runs;
    }

    void add(String runId, java.util.function.Consumer<Counters> change) {
        pending.compute(runId, (k, c) -> {
            Counters d = c == null ? new Counters() : c;
            change.accept(d);
            return d;
        });
    }

    void flush() {
        for (String runId : pending.keySet()) {
            Counters[] taken = new Counters[1];
            pending.computeIfPresent(runId, (k, c) -> {
                taken[0] = c;
                return null;
            });
            if (taken[0] != null && !taken[0].isEmpty()) {
                try {
                    runs.submitToKey(runId, taken[0]);
                } catch (RuntimeException e) {
                    // display counters only: the end is confirmed from the state entries
                }
            }
        }
    }
}
