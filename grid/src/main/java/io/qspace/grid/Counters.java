package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;

/** Deltas for a run's counters, added in one entry processor so concurrent members never lose each other's. */
public final class Counters implements EntryProcessor<String, RunInfo, Void>, Serializable {
    private static final long serialVersionUID = 1L;

    long planned;
    long created;
    long terminal;
    long running;
    long executed;
    long reused;
    long failed;

    boolean isEmpty() {
        return planned == 0 && created == 0 && terminal == 0 && running == 0 && executed == 0 && reused == 0
                && failed == 0;
    }

    void add(Counters o) {
        planned += o.planned;
        created += o.created;
        terminal += o.terminal;
        running += o.running;
        executed += o.executed;
        reused += o.reused;
        failed += o.failed;
    }

    @Override
    public Void process(Map.Entry<String, RunInfo> entry) {
        RunInfo info = entry.getValue();
        if (info == null) {
            return null; // the run ended or was cancelled and cleaned up: late deltas have nowhere to go
        }
        info.planned += planned;
        info.created += created;
        info.terminal += terminal;
        info.running += running;
        info.executed += executed;
        info.reused += reused;
        info.failed += failed;
        entry.setValue(info);
        return null;
    }
}
