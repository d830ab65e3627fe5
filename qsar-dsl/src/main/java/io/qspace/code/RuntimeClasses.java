package io.qspace.code;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Classes defined at run time: by a loader below the application class loader (a notebook cell, a JShell script,
 * a {@code java Study.java} program, javax.tools output), so that only this JVM has them. qspace's, the JDK's and
 * the application class path's classes are everywhere qspace runs (the same jars on every member), and so are
 * classes from jars wherever they are loaded (a notebook kernel loads qspace, CDK and Smile through its own loader):
 * jars are libraries, which members have on their class path.
 */
public final class RuntimeClasses {
    private static final String[] EVERYWHERE = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "io.qspace.",
        "com.hazelcast."};

    private RuntimeClasses() {}

    public static boolean definedAtRunTime(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        ClassLoader loader = type.getClassLoader();
        if (type.isPrimitive() || loader == null || type.isHidden()) {
            return false;
        }
        String name = type.getName();
        for (String p : EVERYWHERE) {
            if (name.startsWith(p)) {
                return false;
            }
        }
        for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
            if (l == loader) {
                return false;
            }
        }
        return !fromJar(type);
    }

    private static boolean fromJar(Class<?> type) {
        java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().endsWith(".jar");
    }

    /**
     * The run-time classes an object graph names when serialised: its objects' classes and the classes of
     * serialised lambdas' capturing sites (a lambda travels as its capturing class plus a method name).
     */
    public static Set<Class<?>> in(Serializable graph) {
        Set<Class<?>> found = new LinkedHashSet<>();
        try (Noting out = new Noting(OutputStream.nullOutputStream(), found)) {
            out.writeObject(graph);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + graph.getClass().getName()
                    + ": every part of it must be Serializable (" + e.getMessage() + ")", e);
        }
        return found;
    }

    /** An object stream that notes every run-time class it writes. */
    public static class Noting extends ObjectOutputStream {
        private final Set<Class<?>> found;

        public Noting(OutputStream out, Set<Class<?>> found) throws IOException {
            super(out);
            this.found = found;
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            if (definedAtRunTime(cl)) {
                found.add(cl);
            }
        }

        @Override
        protected void annotateProxyClass(Class<?> cl) {
            for (Class<?> i : cl.getInterfaces()) {
                if (definedAtRunTime(i)) {
                    found.add(i);
                }
            }
        }
    }
}
