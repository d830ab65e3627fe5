package io.qspace.store.s3;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStoreProvider;
import java.net.URI;

/** Makes {@code ObjectStores.open("s3://...")} find {@link S3ObjectStore} through the ServiceLoader. */
public final class S3ObjectStoreProvider implements ObjectStoreProvider {
    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public ObjectStore open(URI uri) {
        return S3ObjectStore.open(uri);
    }
}
