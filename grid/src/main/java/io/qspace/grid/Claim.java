package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Claims a queued invocation for one member: the only way an invocation starts, atomic on its state entry, so two
 * members holding the same (duplicated) hint never both run it. A stale hint (claimed, finished, cancelled) claims
 * nothing and returns null.
 */
public final class Claim implements EntryProcessor<String, InvState, InvState>, Serializable, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;
    private String owner;
    private long leaseUntil;

    public Claim() {}

    /** @param leaseUntil until when the claim holds without renewal (epoch ms) */
    public Claim(String owner, long leaseUntil) {
        this.owner = owner;
        this.leaseUntil = leaseUntil;
    }

    @Override
    public InvState process(Map.Entry<String, InvState> entry) {
        InvState s = entry.getValue();
        if (s == null || s.status != InvState.QUEUED) {
            return null;
        }
        s.status = InvState.CLAIMED;
        s.owner = owner;
        s.leaseUntil = leaseUntil;
        entry.setValue(s);
        return s;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.CLAIM;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(owner);
        out.writeLong(leaseUntil);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        owner = in.readString();
        leaseUntil = in.readLong();
    }
}
