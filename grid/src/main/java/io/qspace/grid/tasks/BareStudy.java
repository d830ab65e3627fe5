package io.qspace.grid.tasks;

import io.qspace.Study;
import java.lang.reflect.Constructor;
import java.util.List;

/**
 * A study with a name, a seed and a store and nothing else, to carry plans of hand-made tasks (tests, benchmarks).
 * Uses Study.named when the default components exist; while they are placeholders (a partial build) it fills a
 * study reflectively with empty parts, which is all a plan of hand-made roots needs.
 */
public final class BareStudy {
    private BareStudy() {}

    public static Study named(String name, String store) {
        try {
            return Study.named(name).store(store);
        } catch (UnsupportedOperationException placeholder) {
            try {
                Constructor<?> c = Study.class.getDeclaredConstructors()[0];
                c.setAccessible(true);
                Object[] args = new Object[c.getParameterCount()];
                Class<?>[] types = c.getParameterTypes();
                for (int i = 0; i < args.length; i++) {
                    args[i] = types[i] == List.class ? List.of() : types[i] == long.class ? 42L : null;
                }
                args[0] = name;
                args[args.length - 1] = store;
                return (Study) c.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a bare study: " + e, e);
            }
        }
    }
}
