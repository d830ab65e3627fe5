package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Creates an invocation's state entry unless it exists. A parent run twice (its first member died after creating
 * its children) finds its children already there and leaves them alone. Returns whether the entry is queued now
 * (new, or old and still waiting), i.e. whether it deserves a hint.
 */
public final class Create implements EntryProcessor<String, InvState, Integer>, Serializable, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;
    static final int EXISTS = 0;
    static final int CREATED = 1;
    static final int STILL_QUEUED = 2;
    private InvState state;

    public Create() {}

    public Create(InvState state) {
        this.state = state;
    }

    @Override
    public Integer process(Map.Entry<String, InvState> entry) {
        InvState s = entry.getValue();
        if (s == null) {
            entry.setValue(state.copy());
            return CREATED;
        }
        return s.status == InvState.QUEUED ? STILL_QUEUED : EXISTS;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.CREATE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(state);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        state = in.readObject();
    }
}
