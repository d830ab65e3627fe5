package io.qspace.plan;

import io.qspace.store.ContentHash;
import io.qspace.store.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * What identifies the code of a user-supplied object (a builder or selector defined in a notebook): the bytes of its
 * class, so that editing a builder's code and running again does not reuse results of the old code. Built-in classes
 * are identified by the qspace version alone.
 */
public final class CodeIdentity {
    private CodeIdentity() {}

    public static String of(io.qspace.model.ModelBuilder builder) {
        return of(builder.code());
    }

    public static String of(Object value) {
        Class<?> type = value.getClass();
        if (type.getName().startsWith("io.qspace.")) {
            return "builtin";
        }
        byte[] bytes = classBytes(type);
        if (bytes == null && value instanceof Serializable s) {
            // Lambdas and JShell classes may have no readable class file: their serialised form names the
            // implementing method and captured values, which is the best identity left.
            bytes = Serialization.toBytes(s);
        }
        return bytes == null ? type.getName() : ContentHash.of(bytes).substring(0, 16);
    }

    static byte[] classBytes(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || type.isHidden()) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
