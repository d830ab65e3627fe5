package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** Deltas for a run's counters, added in one entry processor so concurrent members never lose each other's. */
public final class Counters implements EntryProcessor<String, RunInfo, Void>, Serializable, IdentifiedDataSerializable {
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

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.COUNTERS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        for (long v : new long[] {planned, created, terminal, running, executed, reused, failed}) {
            out.writeLong(v);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        planned = in.readLong();
        created = in.readLong();
        terminal = in.readLong();
        running = in.readLong();
        executed = in.readLong();
        reused = in.readLong();
        failed = in.readLong();
    }
}
