package io.qspace.grid.tasks;

import io.qspace.plan.Invocation;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import java.util.List;
import java.util.Map;

/**
 * The paper's sleep-N invocation, for measuring the grid itself: no outputs, no store traffic. Sleep 0 skips the
 * call, since Thread.sleep(0) is a sched_yield and not free.
 */
public record SleepTask(String study, int index, long millis) implements Task {
    @Override
    public String kind() {
        return "sleep";
    }

    @Override
    public String identity() {
        return study + "/sleep/" + index + "/" + millis;
    }

    @Override
    public String label() {
        return "sleep " + millis + " ms #" + index;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", study);
    }

    @Override
    public void run(TaskContext context) throws Exception {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }

    @Override
    public boolean reusable() {
        return false;
    }
}
