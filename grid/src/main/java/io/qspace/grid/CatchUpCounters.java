package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;

/**
 * Counts a run's invocations as ended when the grid shows every entry ended but the counters fell behind: a member
 * killed before it sent its buffered counts ({@link CounterBuffer}). The run then awaits its end, and the member
 * that ends it checks the entries themselves, so a wrong catch-up cannot end a run early.
 */
public final class CatchUpCounters implements EntryProcessor<String, RunInfo, Void>, Serializable {
    private static final long serialVersionUID = 1L;
    private final long entries;

    public CatchUpCounters(long entries) {
        this.entries = entries;
    }

    @Override
    public Void process(Map.Entry<String, RunInfo> entry) {
        RunInfo info = entry.getValue();
        if (info != null && !info.ended && !info.cancelled && info.terminal < info.created) {
            info.created = Math.max(info.created, entries);
            info.terminal = info.created;
            info.running = 0;
            entry.setValue(info);
        }
        return null;
    }
}
