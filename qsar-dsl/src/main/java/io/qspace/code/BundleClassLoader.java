package io.qspace.code;

import java.util.Map;

/**
 * Defines one bundle's classes on a member, isolated from every other bundle: two notebooks may ship different
 * versions of a class with the same name. Parent-first, so a bundle cannot replace qspace's or the JDK's classes.
 */
public final class BundleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String hash;
    private final Map<String, byte[]> classes;

    public BundleClassLoader(String hash, Map<String, byte[]> classes, ClassLoader parent) {
        super("qspace-bundle-" + hash, parent);
        this.hash = hash;
        this.classes = classes;
    }

    public String hash() {
        return hash;
    }

    public boolean defines(String name) {
        return classes.containsKey(name);
    }

    /** The class file this bundle defines the class from, or null: identities are computed from these bytes. */
    public byte[] classFile(String name) {
        byte[] b = classes.get(name);
        return b == null ? null : b.clone();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name + " (not in code bundle " + hash + ")");
        }
        return defineClass(name, b, 0, b.length);
    }
}
