package io.qspace.grid.testing;

import io.qspace.plan.Invocation;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Carries an arbitrary serialisable object to a member: how a test sends a class outside the allow list. */
public record HoldsTask(String study, Serializable thing) implements Task {
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
        return study + "/holds/" + thing.getClass().getName();
    }

    @Override
    public String label() {
        return "holds " + thing.getClass().getName();
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", study, "feature_set", "holds", "builder", "holds");
    }

    @Override
    public void run(TaskContext context) {
        context.store().getOrEmpty("never-there");
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }
}
