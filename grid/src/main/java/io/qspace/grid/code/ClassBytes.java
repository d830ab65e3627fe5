package io.qspace.grid.code;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the bytes of a class defined at run time come from: its defining loader when that loader serves them as a
 * resource (URLClassLoader over a compiler's output folder), or bytes registered here by whoever compiled the class
 * in memory (javax.tools with an in-memory file manager, a notebook kernel).
 */
public final class ClassBytes {
    private static final Map<String, byte[]> REGISTERED = new ConcurrentHashMap<>();

    private ClassBytes() {}

    /** Registers the class file of a class compiled in memory, so the grid can ship it. */
    public static void register(String className, byte[] classFile) {
        REGISTERED.put(className, classFile.clone());
    }

    public static byte[] of(Class<?> type) {
        byte[] registered = REGISTERED.get(type.getName());
        if (registered != null) {
            return registered;
        }
        return fromLoader(type.getClassLoader(), type.getName());
    }

    static byte[] fromLoader(ClassLoader loader, String name) {
        byte[] registered = REGISTERED.get(name);
        if (registered != null) {
            return registered;
        }
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
