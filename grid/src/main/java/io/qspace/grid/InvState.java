package io.qspace.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import io.qspace.plan.Invocation;
import io.qspace.run.InvocationStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One invocation's state on the grid: the truth about it (the queue only hints at which keys may be claimable).
 * Public fields, because Hazelcast's queries read them by name (runId, status, owner) for the sweeper and the end.
 */
public final class InvState implements Serializable, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    // the run core's statuses, as the small numbers that Hazelcast's queries compare (claimed = running)
    public static final int QUEUED = InvocationStatus.QUEUED.code();
    public static final int CLAIMED = InvocationStatus.RUNNING.code();
    public static final int EXECUTED = InvocationStatus.EXECUTED.code();
    public static final int REUSED = InvocationStatus.REUSED.code();
    public static final int FAILED = InvocationStatus.FAILED.code();

    public String runId;
    public String invocationId;
    public String kind;
    /** Whether a success wrote a result record (Task#yieldsResult): the ledger's row filter. */
    public boolean yieldsResult;
    /** dataset, feature_set, builder as key, value, key, value...: a failure's row wherever it is recorded. */
    public String[] coordinates = new String[0];
    public int status;
    /** The claiming member's UUID as text (null unless claimed): the sweeper matches it against live members. */
    public String owner;
    /** Attempts that ended in an exception; bounded by the run's maxAttempts. */
    public int attempts;
    /** Times the invocation's member vanished while running it; bounded too, so a JVM-killing task ends. */
    public int lost;
    public long queuedAt;
    /** While claimed: the owner holds it until this time (epoch ms) unless it renews; then it is free again. */
    public long leaseUntil;
    /** The serialised invocation; dropped once it succeeded unless the run keeps detail. */
    public byte[] payload;
    /** Content hash of the code bundle its classes need, or "" when the members have them all. */
    public String code;
    public String error;
    public boolean terminal;
    /** The signature of run, id, code and payload with the grid's key (see MemberTrust); "" without a key. */
    public String signature = "";

    public InvState() {}

    public InvState(String runId, Invocation invocation, byte[] payload, String code, long now) {
        this(runId, invocation.id(), invocation.kind(), invocation.task().yieldsResult(),
                flatten(invocation.coordinates()), payload, code, now);
    }

    private InvState(String runId, String invocationId, String kind, boolean yieldsResult, String[] coordinates,
                     byte[] payload, String code, long now) {
        this.runId = runId;
        this.invocationId = invocationId;
        this.kind = kind;
        this.yieldsResult = yieldsResult;
        this.coordinates = coordinates;
        this.payload = payload;
        this.code = code;
        this.status = QUEUED;
        this.queuedAt = now;
    }

    private static String[] flatten(Map<String, String> coordinates) {
        String[] flat = new String[2 * coordinates.size()];
        int i = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(coordinates).entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return flat;
    }

    /** The invocation's place in the study (dataset, feature set, builder), for its failure row. */
    public Map<String, String> coordinatesMap() {
        return coordinatesOf(coordinates);
    }

    /** Flattened coordinates (key, value, key, value...) as a map; null reads as none. */
    static Map<String, String> coordinatesOf(String[] flat) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; flat != null && i + 1 < flat.length; i += 2) {
            map.put(flat[i], flat[i + 1]);
        }
        return map;
    }

    public InvocationStatus statusValue() {
        return InvocationStatus.ofCode(status);
    }

    public static String key(String runId, String invocationId) {
        return runId + "/" + invocationId;
    }

    public String key() {
        return key(runId, invocationId);
    }

    public boolean claimedBy(UUID member) {
        return status == CLAIMED && member.toString().equals(owner);
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.INV_STATE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(runId);
        out.writeString(invocationId);
        out.writeString(kind);
        out.writeBoolean(yieldsResult);
        out.writeStringArray(coordinates);
        out.writeInt(status);
        out.writeString(owner);
        out.writeInt(attempts);
        out.writeInt(lost);
        out.writeLong(queuedAt);
        out.writeLong(leaseUntil);
        out.writeByteArray(payload);
        out.writeString(code);
        out.writeString(error);
        out.writeBoolean(terminal);
        out.writeString(signature);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        runId = in.readString();
        invocationId = in.readString();
        kind = in.readString();
        yieldsResult = in.readBoolean();
        coordinates = in.readStringArray();
        status = in.readInt();
        owner = in.readString();
        attempts = in.readInt();
        lost = in.readInt();
        queuedAt = in.readLong();
        leaseUntil = in.readLong();
        payload = in.readByteArray();
        code = in.readString();
        error = in.readString();
        terminal = in.readBoolean();
        signature = in.readString();
    }

    InvState copy() {
        InvState c = new InvState(runId, invocationId, kind, yieldsResult, coordinates, payload, code, queuedAt);
        c.status = status;
        c.owner = owner;
        c.attempts = attempts;
        c.lost = lost;
        c.leaseUntil = leaseUntil;
        c.error = error;
        c.terminal = terminal;
        c.signature = signature;
        return c;
    }
}
