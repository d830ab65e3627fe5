package io.qspace.run;

import io.qspace.plan.Plan;
import io.qspace.results.Results;

/**
 * Executes a study's plan: the embedded runner on local slots, the grid runner on a cluster's global queue. Both
 * give the same results for the same plan and seed.
 */
public interface Runner extends AutoCloseable {
    StudyRun submit(Plan plan, ProgressListener listener);

    default StudyRun submit(Plan plan) {
        return submit(plan, ProgressListener.defaultListener());
    }

    default Results run(Plan plan) {
        return submit(plan).await();
    }

    /** e.g. "embedded, 4 slots" */
    String describe();

    @Override
    void close();
}
