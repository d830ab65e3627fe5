package io.qspace.grid.code;

import io.qspace.code.BundleClassLoader;
import io.qspace.code.RunCode;
import io.qspace.plan.Invocation;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The member's side of code shipping: one isolated loader per bundle, fetched from the store once and checked
 * against its hash, and invocations read through it with the allow list applied.
 */
public final class CodeCache {
    private final Map<String, BundleClassLoader> loaders = new ConcurrentHashMap<>();
    private final ClassLoader parent;
    private final AllowList allowList;

    public CodeCache(ClassLoader parent, AllowList allowList) {
        this.parent = parent;
        this.allowList = allowList;
    }

    public Invocation decode(byte[] payload, String code, ObjectStore store) {
        ClassLoader loader = loader(code, store);
        try {
            return Serialization.fromBytes(payload, Invocation.class, loader, allowList);
        } catch (IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SecurityException) {
                    throw new SecurityException("invocation refused: " + t.getMessage(), e);
                }
            }
            throw e;
        }
    }

    /** The loader an invocation shipped with this bundle ("" for none) is read and run through. */
    public ClassLoader loader(String code, ObjectStore store) {
        return code == null || code.isEmpty() ? parent : bundleLoader(code, store);
    }

    private ClassLoader bundleLoader(String hash, ObjectStore store) {
        return loaders.computeIfAbsent(hash, h -> RunCode.load(store, h, parent));
    }


}
