package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Ends one attempt of an invocation. Success ends it for good (even if the sweeper had meanwhile given it to another
 * member: the outputs are idempotent, the first result counts once). A failure puts it back in the queue until
 * maxAttempts attempts failed, then ends it as failed with the error.
 *
 * <p>Returns the new status, or -1 when nothing changed (already ended, or the run is gone).
 */
public final class Finish implements EntryProcessor<String, InvState, Integer>, Serializable, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;
    private int outcome;
    private String error;
    private int maxAttempts;
    private boolean keepDetail;
    private long now;

    public Finish() {}

    public Finish(int outcome, String error, int maxAttempts, boolean keepDetail, long now) {
        this.outcome = outcome;
        this.error = error;
        this.maxAttempts = maxAttempts;
        this.keepDetail = keepDetail;
        this.now = now;
    }

    @Override
    public Integer process(Map.Entry<String, InvState> entry) {
        InvState s = entry.getValue();
        if (s == null || s.terminal) {
            return -1;
        }
        if (outcome == InvState.FAILED) {
            s.attempts++;
            s.error = error;
            if (s.attempts < maxAttempts) {
                s.status = InvState.QUEUED;
                s.owner = null;
                s.queuedAt = now;
                entry.setValue(s);
                return InvState.QUEUED;
            }
        }
        s.status = outcome;
        s.terminal = true;
        s.owner = null;
        if (outcome != InvState.FAILED && !keepDetail) {
            s.payload = null; // the store has the outputs; the grid only needs to know it ended
        }
        entry.setValue(s);
        return outcome;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.FINISH;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(outcome);
        out.writeString(error);
        out.writeInt(maxAttempts);
        out.writeBoolean(keepDetail);
        out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        outcome = in.readInt();
        error = in.readString();
        maxAttempts = in.readInt();
        keepDetail = in.readBoolean();
        now = in.readLong();
    }
}
