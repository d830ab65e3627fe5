package io.qspace.run;

import io.qspace.plan.Plan;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;

/**
 * The default runner: the study's invocations run on a fixed number of slots in this JVM (4 by default, the paper's
 * best number of concurrent invocations per engine), pulling from one local queue.
 */
public final class EmbeddedRunner implements Runner {
    public static final int DEFAULT_SLOTS = 4;
    private final int slots;

    public EmbeddedRunner() {
        this(DEFAULT_SLOTS);
    }

    public EmbeddedRunner(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("an embedded runner needs at least one slot, not " + slots);
        }
        this.slots = slots;
    }

    @Override
    public StudyRun submit(Plan plan, ProgressListener listener) {
        io.qspace.plan.LargeSets.checkFits(plan, slots, Runtime.getRuntime().maxMemory());
        ObjectStore store = ObjectStores.open(plan.storeUri());
        String runId = RunIds.next();
        plan.publish(store, runId);
        LocalStudyRun run = new LocalStudyRun(plan, runId, store, slots, ComputePool.shared(), listener);
        run.start();
        return run;
    }

    @Override
    public String describe() {
        return "embedded, " + slots + " slots";
    }

    @Override
    public void close() {
        // slots belong to each run and end with it; the compute pool lives as long as the JVM
    }
}
