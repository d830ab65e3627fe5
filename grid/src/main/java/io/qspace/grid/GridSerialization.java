package io.qspace.grid;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The hot-path objects (state entries, claims, ends, counter deltas) travel in Hazelcast's compact binary form,
 * not Java serialisation: cheaper per invocation, and never subject to class resolution from the stream.
 */
final class GridSerialization implements DataSerializableFactory {
    static final int FACTORY_ID = 0x05ace;
    static final int INV_STATE = 1;
    static final int CLAIM = 2;
    static final int CREATE = 3;
    static final int FINISH = 4;
    static final int RENEW = 6;
    static final int STORE_PROBE = 7;
    static final int COUNTERS = 5;

    static void register(SerializationConfig config) {
        config.addDataSerializableFactory(FACTORY_ID, new GridSerialization());
    }

    @Override
    public IdentifiedDataSerializable create(int classId) {
        return switch (classId) {
            case INV_STATE -> new InvState();
            case CLAIM -> new Claim();
            case CREATE -> new Create();
            case FINISH -> new Finish();
            case RENEW -> new Renew();
            case STORE_PROBE -> new StoreProbe();
            case COUNTERS -> new Counters();
            default -> throw new IllegalArgumentException("unknown grid class id " + classId);
        };
    }
}
