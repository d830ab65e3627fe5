package io.qspace.code;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the bytes of a class defined at run time come from: its defining loader when that loader serves them as a
 * resource (URLClassLoader over a compiler's output folder, JShell's local engine, the source launcher), or bytes
 * registered here by whoever compiled the class in memory (javax.tools with an in-memory file manager, a notebook
 * kernel whose loader keeps them to itself).
 */
public final class ClassBytes {
    private static final Map<String, byte[]> REGISTERED = new ConcurrentHashMap<>();
    private static final List<Source> SOURCES = new CopyOnWriteArrayList<>();

    private ClassBytes() {}

    /** A loader that keeps the class files it defined to itself (a notebook kernel's), asked on demand. */
    public interface Source {
        /** The class file of the named class as this loader defined it, or null when the loader is not this kind. */
        byte[] classFile(ClassLoader loader, String className);
    }

    /** Adds a source of class files; the kernel extension adds the notebook kernel's. */
    public static void addSource(Source source) {
        SOURCES.add(source);
    }

    /** Registers the class file of a class compiled in memory, so the grid can ship it. */
    public static void register(String className, byte[] classFile) {
        REGISTERED.put(className, classFile.clone());
    }

    /** The class file of a class, or null when neither its loader nor a registration has it. */
    public static byte[] of(Class<?> type) {
        if (type.isHidden()) {
            return null;
        }
        byte[] registered = REGISTERED.get(type.getName());
        if (registered != null) {
            return registered;
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return null;
        }
        if (loader instanceof BundleClassLoader bundle) {
            return bundle.classFile(type.getName());
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            // try the sources
        }
        for (Source source : SOURCES) {
            byte[] file = source.classFile(loader, type.getName());
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    /** As {@link #of}, failing with what to do when the bytes cannot be found. */
    public static byte[] require(Class<?> type) {
        byte[] file = of(type);
        if (file == null) {
            throw new IllegalStateException("cannot ship class " + type.getName() + " to the grid: its loader "
                    + type.getClassLoader() + " does not serve its class file. Classes from a notebook (QSAR (Java) "
                    + "kernel), a `qspace run` script, a `java Study.java` program or a jar ship by themselves; "
                    + "for a class compiled in memory elsewhere, register its bytes with "
                    + "io.qspace.code.ClassBytes.register before running the study");
        }
        return file;
    }
}
