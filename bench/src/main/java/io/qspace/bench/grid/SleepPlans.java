package io.qspace.bench.grid;

import io.qspace.Study;
import io.qspace.grid.tasks.SleepTask;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plans of n sleep invocations, each study with its own name so runs never reuse each other. */
final class SleepPlans {
    private SleepPlans() {}

    static Plan of(String study, int n, long millis, Path store) {
        List<Invocation> roots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            roots.add(Invocation.of(new SleepTask(study, i, millis)));
        }
        return Plan.ofRoots(study, roots, store.toString());
    }
}
