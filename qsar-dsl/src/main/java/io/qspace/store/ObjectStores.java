package io.qspace.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens an object store by URI: "file:/path", a plain path, or a scheme whose provider is on the class path. */
public final class ObjectStores {
    private ObjectStores() {}

    public static ObjectStore open(String location) {
        URI uri = location.contains("://") || location.startsWith("file:")
                ? URI.create(location)
                : Path.of(location).toAbsolutePath().normalize().toUri();
        return open(uri);
    }

    public static ObjectStore open(URI uri) {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
        if (scheme.equals("file")) {
            return new FileStore(Path.of(uri));
        }
        for (ObjectStoreProvider provider : ServiceLoader.load(ObjectStoreProvider.class)) {
            if (provider.scheme().equals(scheme)) {
                return provider.open(uri);
            }
        }
        throw new IllegalArgumentException("no object store for '" + uri + "': scheme '" + scheme
                + "' needs its module on the class path (for s3:// add io.qspace:qsar-dsl-s3)");
    }
}
