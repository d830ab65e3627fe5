package io.qspace.predict;

import io.qspace.plan.Invocation;
import io.qspace.plan.Task;
import io.qspace.plan.TaskContext;
import io.qspace.results.StoredModel;
import io.qspace.store.Serialization;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One invocation of a {@link PredictionJob}: the stored models predict one slice of the file (read from the store,
 * where the client put it) and store the slice's output lines, exactly as a local run writes them.
 *
 * @param file        the file's name, for labels and failure rows
 * @param index       the slice's position in the file (0 = first)
 * @param sliceKey    where the slice's rows are in the store (named by their content)
 * @param modelKeys   the stored models, in output order
 * @param confidences the intervals' confidences
 */
public record PredictSliceTask(String file, int index, String sliceKey, List<String> modelKeys,
                               List<Double> confidences) implements Task {
    /** A slice of a file's structures as stored by the client. */
    public record Slice(List<StructureRow> rows) implements Serializable {}

    public PredictSliceTask {
        modelKeys = List.copyOf(modelKeys);
        confidences = List.copyOf(confidences);
    }

    /** Where the output lines of a slice's invocation are stored. */
    public static String outputKey(String invocationId) {
        return "predictions-of-files/" + invocationId + ".csv";
    }

    @Override
    public String kind() {
        return "predict";
    }

    @Override
    public String identity() {
        return "predict|" + sliceKey + "|" + String.join(",", modelKeys) + "|" + confidences;
    }

    @Override
    public String label() {
        return "predict " + file + " slice " + (index + 1);
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", file, "feature_set", "slice " + (index + 1), "builder", "predict");
    }

    @Override
    public void run(TaskContext context) throws java.io.IOException {
        List<StructureRow> rows = Serialization.read(context.store(), sliceKey, Slice.class).rows();
        List<StoredModel> models = new ArrayList<>();
        for (String key : modelKeys) {
            models.add(StoredModel.load(context.store(), key));
        }
        String lines = LibraryPrediction.with(models).confidences(confidences).lines(rows);
        context.store().put(outputKey(Invocation.of(this).id()), lines.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }
}
