package io.qspace.grid.testing;

import io.qspace.plan.Invocation;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import java.util.List;
import java.util.Map;

/**
 * Succeeds only when `parties` barrier tasks of its group run at the same time: each leaves a mark and waits up to a
 * minute for the others' marks. A grid whose slots are not all free fails it, whatever the machine's speed.
 */
public record BarrierTask(String group, int index, int parties) implements Task {
    @Override
    public String kind() {
        return "barrier";
    }

    @Override
    public String identity() {
        return "barrier/" + group + "/" + index + "/" + parties;
    }

    @Override
    public String label() {
        return "barrier " + group + " " + index;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", group, "feature_set", "barrier" + index, "builder", "barrier");
    }

    @Override
    public void run(TaskContext context) throws Exception {
        String prefix = "barrier/" + group + "/";
        context.store().put(prefix + index, new byte[0]);
        long deadline = System.currentTimeMillis() + 60_000;
        int seen = 0;
        while (System.currentTimeMillis() < deadline) {
            seen = context.store().list(prefix).size();
            if (seen >= parties) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("only " + seen + " of " + parties + " barrier tasks ran at the same time");
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }
}
