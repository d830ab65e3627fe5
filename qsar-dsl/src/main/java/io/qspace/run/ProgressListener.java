package io.qspace.run;

import java.util.function.Supplier;

/**
 * Receives a study's counters while it runs. The default prints plain lines; a notebook installs one that updates a
 * progress bar in place, through {@link #setDefault}.
 */
public interface ProgressListener {
    void update(Progress progress);

    default void finished(Progress progress) {
        update(progress);
    }

    static ProgressListener none() {
        return p -> {};
    }

    /** The listener a study uses when the caller names none. */
    static ProgressListener defaultListener() {
        return Defaults.factory.get();
    }

    static void setDefault(Supplier<ProgressListener> factory) {
        Defaults.factory = factory;
    }

    final class Defaults {
        private static volatile Supplier<ProgressListener> factory = ConsoleProgress::new;

        private Defaults() {}
    }
}
