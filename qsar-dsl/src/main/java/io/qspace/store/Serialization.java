package io.qspace.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialisation of the project's plain data objects (invocations, builders, models, matrices) to and from bytes.
 * Reading can name the class loader that defines classes shipped at run time.
 */
public final class Serialization {
    /**
     * Bounds on every object read, whatever else a caller's filter says: a corrupt or hostile object (a few bytes
     * that declare a huge array, a deep or wide graph) is refused before it allocates, never an OutOfMemoryError.
     * 16M elements hold a 20,000 x 800 matrix's rows or a 64 MB class file; far above any real object's arrays;
     * 1 GiB of stream holds a 50,000 x 2,048 fingerprint matrix.
     */
    static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxdepth=100;maxrefs=20000000;maxarray=16777216;maxbytes=1073741824");
    private Serialization() {}

    /**
     * The one filter of everything read back: the limits, then the classes of the kind of object expected (see
     * {@link StoredKind}); a class defined at run time (a notebook cell's, a shipped bundle's: any loader but the
     * JDK's and the application's) is code the reader chose to load, accepted where the kind holds code. A class the
     * kind does not name is refused with a message saying which, unless the caller's filter (a grid member's allow
     * list for invocations) decides.
     */
    static ObjectInputFilter filter(StoredKind kind, ObjectInputFilter extra) {
        ObjectInputFilter base = info -> {
            ObjectInputFilter.Status limits = LIMITS.checkInput(info);
            if (limits == ObjectInputFilter.Status.REJECTED) {
                return limits;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (type.isPrimitive() || (kind.acceptsRunTimeCode() && definedAtRunTime(type))) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            ObjectInputFilter.Status known = kind.check(info);
            if (known == ObjectInputFilter.Status.UNDECIDED && extra == null) {
                // thrown, so the reason reaches the error (the stream keeps it as the cause of its refusal)
                throw new SecurityException("class " + type.getName() + " is not one a " + kind + " object is made "
                        + "of (" + String.join(", ", kind.classes()) + " and the JDK's data types)");
            }
            return known;
        };
        return extra == null ? base : ObjectInputFilter.merge(extra, base);
    }

    private static boolean definedAtRunTime(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader()
                && loader != ClassLoader.getSystemClassLoader();
    }

    public static byte[] toBytes(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getName()
                    + ": every part of it must be Serializable (" + e.getMessage() + ")", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the object stored at a key: a missing object names the key and store; an unreadable one (corrupt,
     * refused by the filter, written by code that is not here) names the key and says what to do.
     */
    public static <T> T read(ObjectStore store, String key, Class<T> type) {
        byte[] bytes = store.require(key);
        try {
            return fromBytes(bytes, type);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("object '" + key + "' in store " + store.uri() + " (" + bytes.length
                    + " bytes) cannot be read as a " + type.getSimpleName() + ": " + e.getMessage()
                    + ". If it is corrupt, delete it and run again: it is recomputed", e);
        }
    }

    public static <T> T fromBytes(byte[] bytes, Class<T> type) {
        return fromBytes(bytes, type, Thread.currentThread().getContextClassLoader());
    }

    public static <T> T fromBytes(byte[] bytes, Class<T> type, ClassLoader loader) {
        return fromBytes(bytes, type, loader, null);
    }

    /** As {@link #fromBytes(byte[], Class, ClassLoader)}, refusing every class the filter rejects (null: none). */
    public static <T> T fromBytes(byte[] bytes, Class<T> type, ClassLoader loader, ObjectInputFilter filter) {
        LoaderObjectInputStream in = null;
        try (LoaderObjectInputStream stream = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in = stream;
            stream.setObjectInputFilter(filter(StoredKind.of(type), filter));
            return type.cast(stream.readObject());
        } catch (IOException | ClassNotFoundException e) {
            if (in != null && in.missing != null && !(e instanceof ClassNotFoundException)) {
                // a class that is not found can surface as something else (a lambda whose capturing class is
                // missing fails as a cast): name the class, which is what the reader must provide
                ClassNotFoundException missing = new ClassNotFoundException(in.missing, e);
                throw new IllegalStateException("cannot read a " + type.getSimpleName() + ": class " + in.missing
                        + " is not found through " + (loader == null ? "the default loader" : loader), missing);
            }
            Throwable refusal = e.getCause() instanceof SecurityException ? e.getCause() : null;
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + ": " + e
                    + (refusal == null ? "" : " (" + refusal.getMessage() + ")"), e);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;
        private String missing;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException ignored) {
                    // fall through to the default, which knows primitives and the platform classes
                }
            }
            try {
                return super.resolveClass(desc);
            } catch (ClassNotFoundException e) {
                if (missing == null) {
                    missing = desc.getName();
                }
                throw e;
            }
        }
    }
}
