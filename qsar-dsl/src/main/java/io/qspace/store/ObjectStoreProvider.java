package io.qspace.store;

import java.net.URI;

/**
 * Opens stores for one URI scheme. Found through {@link java.util.ServiceLoader}, so that an implementation with heavy
 * dependencies (S3 and its SDK) lives in its own jar and is only on the class path of those who use it.
 */
public interface ObjectStoreProvider {
    /** e.g. "file" or "s3" */
    String scheme();

    ObjectStore open(URI uri);
}
