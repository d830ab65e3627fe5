package io.qspace.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pool per JVM for data-parallel work inside invocations (descriptors over molecules), sized to the cores. All
 * slots share it, so four slots computing descriptors at once still use only the machine's cores.
 */
public final class ComputePool {
    private static final ExecutorService SHARED = create(Runtime.getRuntime().availableProcessors());

    private ComputePool() {}

    public static ExecutorService shared() {
        return SHARED;
    }

    static ExecutorService create(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qspace-compute-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
