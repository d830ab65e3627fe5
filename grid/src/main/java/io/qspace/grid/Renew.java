package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Extends the lease of a claim its owner still works on. A claim that was meanwhile given back (lease run out, owner
 * gone) is not taken back: returns false, and its owner's late result counts once like any duplicate.
 */
public final class Renew implements EntryProcessor<String, InvState, Boolean>, Serializable, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;
    private String owner;
    private long leaseUntil;

    public Renew() {}

    public Renew(String owner, long leaseUntil) {
        this.owner = owner;
        this.leaseUntil = leaseUntil;
    }

    @Override
    public Boolean process(Map.Entry<String, InvState> entry) {
        InvState s = entry.getValue();
        if (s == null || s.status != InvState.CLAIMED || !owner.equals(s.owner)) {
            return false;
        }
        s.leaseUntil = Math.max(s.leaseUntil, leaseUntil);
        entry.setValue(s);
        return true;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.RENEW;
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
