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
    private Serialization() {}

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
            if (filter != null) {
                stream.setObjectInputFilter(filter);
            }
            return type.cast(stream.readObject());
        } catch (IOException | ClassNotFoundException e) {
            if (in != null && in.missing != null && !(e instanceof ClassNotFoundException)) {
                // a class that is not found can surface as something else (a lambda whose capturing class is
                // missing fails as a cast): name the class, which is what the reader must provide
                ClassNotFoundException missing = new ClassNotFoundException(in.missing, e);
                throw new IllegalStateException("cannot read a " + type.getSimpleName() + ": class " + in.missing
                        + " is not found through " + (loader == null ? "the default loader" : loader), missing);
            }
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + ": " + e, e);
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
