package io.qspace.grid.testing;

import io.qspace.plan.Invocation;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Always throws, after leaving one mark per attempt in the store so a test can count the attempts. */
public record FailingTask(String study, String name) implements Task {
    @Override
    public String kind() {
        return "test";
    }

    @Override
    public boolean yieldsResult() {
        return true;
    }

    @Override
    public String identity() {
        return study + "/fail/" + name;
    }

    @Override
    public String label() {
        return "fail " + name;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", study, "feature_set", name, "builder", "failing");
    }

    @Override
    public void run(TaskContext context) throws Exception {
        context.store().put("attempts/" + name + "/" + UUID.randomUUID(), new byte[0]);
        throw new IllegalStateException("always fails: " + name);
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }
}
