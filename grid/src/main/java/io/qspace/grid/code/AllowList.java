package io.qspace.grid.code;

import io.qspace.code.BundleClassLoader;
import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Which classes a member agrees to instantiate when it reads an invocation: qspace's own, the JDK's plain data
 * types, classes from a code bundle the client shipped through the store, and whatever the member's configuration
 * adds (qspace.allow). Everything else is refused before it is created, which is what stops deserialisation
 * gadgets. A refusal says which class and how to allow it.
 */
public final class AllowList implements ObjectInputFilter {
    static final List<String> DEFAULT_PREFIXES = List.of("io.qspace.", "java.lang.", "java.util.", "java.time.",
            "java.math.");
    private final List<String> prefixes;
    private final List<String> exact;

    private AllowList(List<String> prefixes, List<String> exact) {
        this.prefixes = prefixes;
        this.exact = exact;
    }

    public static AllowList defaults() {
        return of("");
    }

    /**
     * @param extra comma-separated patterns: "org.example.**" or "org.example.*" for a package and below, or a
     *              class name
     */
    public static AllowList of(String extra) {
        List<String> prefixes = new ArrayList<>(DEFAULT_PREFIXES);
        List<String> exact = new ArrayList<>();
        for (String p : extra == null ? new String[0] : extra.split(",")) {
            String s = p.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.endsWith(".**") || s.endsWith(".*")) {
                prefixes.add(s.substring(0, s.lastIndexOf('.') + 1));
            } else {
                exact.add(s);
            }
        }
        return new AllowList(List.copyOf(prefixes), List.copyOf(exact));
    }

    public boolean allows(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || type.getClassLoader() instanceof BundleClassLoader) {
            return true;
        }
        String name = type.getName();
        return exact.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        if (allows(type)) {
            return Status.ALLOWED;
        }
        // thrown, not just REJECTED, so the message reaches the failure record (ObjectInputStream keeps it as cause)
        throw new SecurityException("class " + type.getName() + " is not on this grid's allow list; members accept "
                + "io.qspace.**, JDK data types and classes shipped in code bundles (add more with the member "
                + "property qspace.allow)");
    }
}
