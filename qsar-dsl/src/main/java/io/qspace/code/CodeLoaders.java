package io.qspace.code;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class loader through which objects are read back on this JVM: the loader(s) that defined the run-time classes
 * an invocation carries (a notebook kernel's, a script's, the source launcher's on the client; a code bundle's on a
 * member). A serialised lambda names its capturing class, whose {@code $deserializeLambda$} recreates it, so that
 * class must be found through the loader that defined it, not the application class loader.
 */
public final class CodeLoaders {
    private CodeLoaders() {}

    /** The loader for the run-time classes in these graphs, or null when they have none. */
    public static ClassLoader of(Serializable... graphs) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        for (Serializable g : graphs) {
            for (Class<?> c : RuntimeClasses.in(g)) {
                loaders.add(c.getClassLoader());
            }
        }
        return of(loaders);
    }

    /**
     * The loader of the nearest caller defined at run time (the notebook cell or script line that asked to read a
     * stored object), else this thread's context loader: reading a model back in the session that defined its
     * builder finds the builder's classes.
     */
    public static ClassLoader ofCaller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(RuntimeClasses::definedAtRunTime).findFirst())
                .map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
    }

    static ClassLoader of(Set<ClassLoader> loaders) {
        if (loaders.isEmpty()) {
            return null;
        }
        return loaders.size() == 1 ? loaders.iterator().next() : new Joined(List.copyOf(loaders));
    }

    /** Several run-time loaders (a builder from one notebook session, a selector from a jar loaded at run time). */
    private static final class Joined extends ClassLoader {
        private final List<ClassLoader> loaders;

        Joined(List<ClassLoader> loaders) {
            super("qspace-run-time-code", CodeLoaders.class.getClassLoader());
            this.loaders = loaders;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return Class.forName(name, false, l);
                } catch (ClassNotFoundException ignored) {
                    // the next loader may have it
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
