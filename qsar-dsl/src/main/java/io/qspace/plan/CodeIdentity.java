package io.qspace.plan;

import io.qspace.code.ClassBytes;
import io.qspace.code.CodeBundle;
import io.qspace.code.RuntimeClasses;
import io.qspace.code.Version;
import io.qspace.store.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What identifies the code of the components an invocation runs (builders, selectors, filters, descriptor sets,
 * splits), so that a changed algorithm never reuses results of the old one and an unchanged one always does:
 * <ul>
 *   <li>code written outside qspace (a notebook cell, a script, a program, a plug-in jar) by its class files: the
 *       bytes of every such class the component's serialised form names, closed over the run-time classes they
 *       refer to, plus the serialised form itself (parameters, a lambda's captured values);</li>
 *   <li>qspace's own classes by their {@link Version}, which a developer raises when the algorithm changes
 *       (unannotated: version 1, left out).</li>
 * </ul>
 * Built-in components at version 1 identify as "builtin".
 */
public final class CodeIdentity {
    private CodeIdentity() {}

    public static String of(io.qspace.model.ModelBuilder builder) {
        return of((Object) builder);
    }

    public static String of(Object... components) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new Collecting(form, classes)) {
            for (Object c : components) {
                out.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot identify " + List.of(components) + ": every component must be "
                    + "Serializable (" + e.getMessage() + ")", e);
        }
        TreeMap<String, String> versions = new TreeMap<>();
        Set<Class<?>> userCode = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            String name = c.getName();
            if (name.startsWith("io.qspace.")) {
                Version v = c.getAnnotation(Version.class);
                if (v != null && v.value() != 1) {
                    versions.put(c.getSimpleName(), Integer.toString(v.value()));
                }
            } else if (!platform(c)) {
                userCode.add(c);
            }
        }
        List<String> parts = new ArrayList<>();
        versions.forEach((k, v) -> parts.add(k + "@" + v));
        if (!userCode.isEmpty()) {
            parts.add("code:" + ContentHash.of(userCodeHash(userCode), ContentHash.of(form.toByteArray()))
                    .substring(0, 16));
        }
        return parts.isEmpty() ? "builtin" : String.join(",", parts);
    }

    private static boolean platform(Class<?> c) {
        String name = c.getName();
        return c.getClassLoader() == null || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    /** Class files of user code: run-time classes with what they call, jar classes as they are. */
    private static String userCodeHash(Set<Class<?>> classes) {
        Set<Class<?>> runtime = new LinkedHashSet<>();
        TreeMap<String, String> onClassPath = new TreeMap<>();
        for (Class<?> c : classes) {
            if (RuntimeClasses.definedAtRunTime(c)) {
                runtime.add(c);
            } else {
                byte[] bytes = ClassBytes.of(c);
                onClassPath.put(c.getName(), bytes == null ? "?" : ContentHash.of(bytes));
            }
        }
        String bundle = runtime.isEmpty() ? "" : CodeBundle.of(runtime).hash();
        return ContentHash.of(bundle, onClassPath.toString());
    }

    /**
     * Notes every class written, lambdas' capturing classes included (they travel as Class objects), and writes
     * a canonical form: unordered maps and sets in key order (Map.of's iteration order changes from one JVM to the
     * next, and an identity must not), strings and small boxed numbers as one instance per value.
     */
    private static final class Collecting extends ObjectOutputStream {
        private final Set<Class<?>> classes;

        Collecting(OutputStream out, Set<Class<?>> classes) throws IOException {
            super(out);
            this.classes = classes;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            // Which equal values are one object depends on where the graph came from (a boxed 3 shared between a
            // builder's parameters and its lambda's captured values here, two objects after deserialisation on a
            // member): canonical instances make the serialised form the same on every JVM.
            if (obj instanceof String str) {
                return str.intern();
            }
            if (obj instanceof Integer i) {
                return Integer.valueOf(i);
            }
            if (obj instanceof Long l) {
                return Long.valueOf(l);
            }
            if (obj instanceof Boolean b) {
                return Boolean.valueOf(b);
            }
            if (obj instanceof Short sh) {
                return Short.valueOf(sh);
            }
            if (obj instanceof Byte by) {
                return Byte.valueOf(by);
            }
            if (obj instanceof Character ch) {
                return Character.valueOf(ch);
            }
            try {
                if (obj instanceof java.util.Map<?, ?> m && !(m instanceof java.util.SortedMap)) {
                    return new TreeMap<>(m);
                }
                if (obj instanceof Set<?> set && !(set instanceof java.util.SortedSet)) {
                    return new java.util.TreeSet<>(set);
                }
            } catch (ClassCastException | NullPointerException notComparable) {
                // keys without an order are written as they come
            }
            return obj;
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            classes.add(cl);
        }
    }
}
