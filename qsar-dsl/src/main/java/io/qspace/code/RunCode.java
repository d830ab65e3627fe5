package io.qspace.code;

import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The run-time code an invocation runs with on this JVM: the loader its classes resolve through and the code bundle
 * that holds their class files in the store ("" for none). Each executed invocation's done marker names the bundle,
 * so a stored model fitted by a notebook's builder can be read back later, in a new session or by
 * {@code qspace predict}, from its bundle.
 */
public record RunCode(ClassLoader loader, String bundle) {
    public static final RunCode NONE = new RunCode(null, "");

    /**
     * The code of a plan's roots (every run-time class of a study is in its roots), its bundle stored once. A class
     * whose file cannot be found still runs here; only its models cannot be read back elsewhere.
     */
    public static RunCode ofRoots(ObjectStore store, Serializable... roots) {
        Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        for (Serializable r : roots) {
            classes.addAll(RuntimeClasses.in(r));
        }
        if (classes.isEmpty()) {
            return NONE;
        }
        ClassLoader loader = CodeLoaders.of(roots);
        try {
            return new RunCode(loader, CodeBundle.of(classes).storeIn(store));
        } catch (IllegalStateException e) {
            return new RunCode(loader, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store code in " + store.uri() + ": " + e.getMessage(), e);
        }
    }

    /** The bundle a done marker names, or "" (see {@link #doneMarkerLine}). */
    public static String bundleInDoneMarker(String marker) {
        return marker.lines().filter(l -> l.startsWith("code ")).map(l -> l.substring(5).strip()).findFirst()
                .orElse("");
    }

    /** The line a done marker gets when the invocation ran with a bundle, "" otherwise. */
    public String doneMarkerLine() {
        return bundle.isEmpty() ? "" : "code " + bundle + "\n";
    }

    /** A loader for a stored bundle, its hash checked: for reading back what run-time code produced. */
    public static BundleClassLoader load(ObjectStore store, String hash, ClassLoader parent) {
        return new BundleClassLoader(hash, CodeBundle.read(store, hash).classes(), parent);
    }
}
