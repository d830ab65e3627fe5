package io.qspace.grid.code;

import io.qspace.plan.Invocation;
import io.qspace.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's side of code shipping: serialises an invocation while noting every class written that the members
 * cannot have (defined at run time, outside qspace and the JDK), closes that set over the classes they refer to, and
 * puts the class files in the store once, as a bundle named by its content hash.
 */
public final class CodeShipper {
    private static final String[] MEMBER_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "io.qspace.",
        "com.hazelcast."};
    private final Set<String> shipped = ConcurrentHashMap.newKeySet();

    /** A serialised invocation and the bundle its classes need ("" for none). */
    public record Encoded(byte[] payload, String code) {}

    public Encoded encode(Invocation invocation, ObjectStore store) {
        Set<Class<?>> foreign = new LinkedHashSet<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new NotingOutputStream(bytes, foreign)) {
            out.writeObject(invocation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + invocation + ": every part of it must be "
                    + "Serializable (" + e.getMessage() + ")", e);
        }
        if (foreign.isEmpty()) {
            return new Encoded(bytes.toByteArray(), "");
        }
        CodeBundle bundle = bundleOf(foreign);
        String hash = bundle.hash();
        if (shipped.add(store.uri() + hash)) {
            try {
                if (!store.exists(CodeBundle.key(hash))) {
                    store.put(CodeBundle.key(hash), bundle.toBytes());
                }
            } catch (IOException e) {
                shipped.remove(store.uri() + hash);
                throw new UncheckedIOException("cannot ship code to " + store.uri() + ": " + e.getMessage(), e);
            }
        }
        return new Encoded(bytes.toByteArray(), hash);
    }

    static boolean membersLack(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        ClassLoader loader = type.getClassLoader();
        if (type.isPrimitive() || loader == null || type.isHidden()) {
            return false;
        }
        String name = type.getName();
        for (String p : MEMBER_PREFIXES) {
            if (name.startsWith(p)) {
                return false;
            }
        }
        // The application class path is the members' class path too (same jars in the image); anything a child
        // loader defined (a notebook cell, javax.tools output) exists only here.
        for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
            if (l == loader) {
                return false;
            }
        }
        return true;
    }

    static CodeBundle bundleOf(Set<Class<?>> roots) {
        Map<String, byte[]> classes = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (classes.containsKey(type.getName())) {
                continue;
            }
            byte[] file = ClassBytes.of(type);
            if (file == null) {
                throw new IllegalStateException("cannot ship class " + type.getName() + " to the grid: its loader "
                        + type.getClassLoader() + " does not serve its class file; register the bytes with "
                        + "io.qspace.grid.code.ClassBytes.register");
            }
            classes.put(type.getName(), file);
            for (String ref : ClassRefs.of(file)) {
                if (classes.containsKey(ref)) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(ref, false, type.getClassLoader());
                    if (membersLack(c)) {
                        todo.push(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a reference the client cannot resolve either; it will fail the same way on the member
                }
            }
        }
        return new CodeBundle(classes);
    }

    private static final class NotingOutputStream extends ObjectOutputStream {
        private final Set<Class<?>> foreign;

        NotingOutputStream(OutputStream out, Set<Class<?>> foreign) throws IOException {
            super(out);
            this.foreign = foreign;
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            if (membersLack(cl)) {
                foreign.add(cl);
            }
        }

        @Override
        protected void annotateProxyClass(Class<?> cl) {
            for (Class<?> i : cl.getInterfaces()) {
                if (membersLack(i)) {
                    foreign.add(i);
                }
            }
        }
    }
}
