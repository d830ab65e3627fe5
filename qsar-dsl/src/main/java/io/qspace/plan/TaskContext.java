package io.qspace.plan;

import io.qspace.store.ObjectStore;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What a running task may use: the object store, a pool for data-parallel work sized to the machine's cores (shared
 * by all slots, so slots x threads never oversubscribes the CPU), its seed and a cancellation flag.
 */
public record TaskContext(ObjectStore store, ExecutorService computePool, long seed, BooleanSupplier cancelled) {
    public void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("study cancelled");
        }
    }
}
