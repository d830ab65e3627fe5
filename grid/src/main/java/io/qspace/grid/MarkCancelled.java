package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;

/** Flags a run as cancelled; members watching the runs map stop its running tasks at their next check. */
public final class MarkCancelled implements EntryProcessor<String, RunInfo, Void>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Void process(Map.Entry<String, RunInfo> entry) {
        RunInfo info = entry.getValue();
        if (info != null) {
            info.cancelled = true;
            entry.setValue(info);
        }
        return null;
    }
}
