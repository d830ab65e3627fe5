package io.qspace.grid.testing;

import io.qspace.plan.Invocation;
import io.qspace.store.StoreKeys;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import io.qspace.results.ResultRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A node of a test tree: sleeps, then (inner node) unfolds into fanout children or (leaf, kind "test") writes a
 * result record whose numbers come from its seed, so equal plans must give equal tables wherever they run. Each
 * execution also leaves a mark naming the JVM that ran it.
 */
public record TreeTask(String study, String path, int depth, int fanout, long sleepMillis) implements Task {
    @Override
    public String kind() {
        return depth == 0 ? "test" : "node";
    }

    @Override
    public boolean yieldsResult() {
        return depth == 0;
    }

    @Override
    public String identity() {
        // how long it sleeps is not what it computes: equal trees with any sleep share ids and numbers
        return study + "/tree/" + path + "/" + depth + "/" + fanout;
    }

    @Override
    public String label() {
        return "tree " + path;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", study, "feature_set", path, "builder", "tree");
    }

    @Override
    public void run(TaskContext context) throws Exception {
        if (sleepMillis > 0) {
            Thread.sleep(sleepMillis);
        }
        String id = Invocation.of(this).id();
        context.store().put("ranby/" + System.getProperty("qspace.test.member", "local") + "/" + id + "-"
                + UUID.randomUUID(), new byte[0]);
        if (depth == 0) {
            double value = (context.seed() % 1_000_000) / 1_000_000.0;
            ResultRecord r = new ResultRecord(study, path, 0, "tree", "", value, 0, 0, 0, 0, 0, 0, 0, 0, 0, "",
                    io.qspace.results.ResultColumn.OK, "", id, "", "", 0L, "");
            context.store().put(StoreKeys.record(id), r.toCsv().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        List<Invocation> out = new ArrayList<>();
        for (int i = 0; depth > 0 && i < fanout; i++) {
            out.add(Invocation.of(new TreeTask(study, path + "." + i, depth - 1, fanout, sleepMillis)));
        }
        return out;
    }

    @Override
    public int expectedSubtreeSize() {
        int size = 1;
        int level = 1;
        for (int d = 0; d < depth; d++) {
            level *= fanout;
            size += level;
        }
        return size;
    }
}
