package io.qspace.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Run on a member before a study's work goes out: opens the study's store as the member would and reads back the
 * object the client just wrote. Returns "" when the member sees it, else why not, so that a store only the client
 * can see (a folder inside a notebook's container) fails the study at submission, not every invocation later.
 */
public final class StoreProbe implements Callable<String>, IdentifiedDataSerializable {
    private String storeUri;
    private String key;
    private byte[] expected;

    public StoreProbe() {}

    public StoreProbe(String storeUri, String key, byte[] expected) {
        this.storeUri = storeUri;
        this.key = key;
        this.expected = expected;
    }

    @Override
    public String call() {
        try {
            ObjectStore store = ObjectStores.open(storeUri);
            Optional<byte[]> read = store.get(key);
            if (read.isEmpty()) {
                return "the store " + storeUri + " opens here but has no '" + key + "', which the client wrote: "
                        + "this member sees another place under that name";
            }
            return Arrays.equals(read.get(), expected) ? ""
                    : "'" + key + "' in " + storeUri + " holds other bytes here than the client wrote";
        } catch (IOException | RuntimeException e) {
            return "cannot read the store " + storeUri + " here: " + e.getMessage();
        }
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.STORE_PROBE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(storeUri);
        out.writeString(key);
        out.writeByteArray(expected);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        storeUri = in.readString();
        key = in.readString();
        expected = in.readByteArray();
    }
}
