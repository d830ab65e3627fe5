package io.qspace.predict;

import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.StoredModel;
import io.qspace.store.ContentHash;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import io.qspace.store.Serialization;
import io.qspace.validate.Conformal;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A file of structures predicted by stored models as invocations, so it runs on any runner as a study does (the
 * embedded slots or a grid): the client reads the file once and stores it in slices, each slice is one invocation
 * that predicts its rows where it runs and stores their lines, and {@link #writeTo} joins them in file order into the
 * file a local {@link LibraryPrediction} run writes, byte for byte. Slices are named by their content, so a second
 * run of the same file and models reuses every slice.
 *
 * <pre>
 * PredictionJob job = PredictionJob.of(Path.of("library.smi.gz"), "s3://bucket/qspace", List.of(modelKey));
 * grid.submit(job.plan(), ProgressListener.defaultListener()).await();
 * job.writeTo(Path.of("predictions.csv"));
 * </pre>
 */
public final class PredictionJob {
    private final Path in;
    private final String storeUri;
    private final List<String> modelKeys;
    private List<Double> confidences = Conformal.DEFAULT_CONFIDENCES;
    /** Whether a classifier is among the models (known once planned): the output then has the class columns. */
    private boolean classes;
    private int rowsPerInvocation = 5_000;
    private String smilesColumn;
    private String idColumn;
    private Plan plan;
    private String fileError = "";
    private long rows;

    /** What {@link #writeTo} wrote: structures, and why the file could not be read to its end ("" when it could). */
    public record Written(long rows, String fileError) {}

    private PredictionJob(Path in, String storeUri, List<String> modelKeys) {
        if (modelKeys.isEmpty()) {
            throw new IllegalArgumentException("name at least one stored model to predict with");
        }
        this.in = in;
        this.storeUri = storeUri;
        this.modelKeys = List.copyOf(modelKeys);
    }

    /** @param modelKeys the models' keys in the store (the results' {@code model} column), in output order */
    public static PredictionJob of(Path in, String storeUri, List<String> modelKeys) {
        return new PredictionJob(in, storeUri, modelKeys);
    }

    public PredictionJob confidences(List<Double> values) {
        this.confidences = List.copyOf(values);
        return this;
    }

    /** Structures per invocation (default 5,000). */
    public PredictionJob rowsPerInvocation(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rows per invocation must be at least 1, got " + n);
        }
        this.rowsPerInvocation = n;
        return this;
    }

    /** The SMILES and id columns of a CSV file (defaults as {@link LibraryPrediction}: "smiles", none). */
    public PredictionJob columns(String smiles, String id) {
        this.smilesColumn = smiles;
        this.idColumn = id;
        return this;
    }

    /**
     * The invocations, one per slice: reads the file and stores its slices the first time it is called. The models
     * are loaded once here, so a key that names no model fails now, not on every slice.
     */
    public synchronized Plan plan() {
        if (plan != null) {
            return plan;
        }
        List<Invocation> roots = new ArrayList<>();
        String name = in.getFileName().toString();
        try (ObjectStore store = ObjectStores.open(storeUri);
             StructureFile file = StructureFile.open(in, smilesColumn, idColumn)) {
            List<StoredModel> models = new ArrayList<>();
            for (String key : modelKeys) {
                models.add(StoredModel.load(store, key));
            }
            classes = LibraryPrediction.classifies(models);
            List<StructureRow> slice;
            while (!(slice = file.next(rowsPerInvocation)).isEmpty()) {
                byte[] bytes = Serialization.toBytes(new PredictSliceTask.Slice(slice));
                String key = "structures-to-predict/" + ContentHash.of(bytes) + ".bin";
                if (!store.exists(key)) {
                    store.put(key, bytes);
                }
                roots.add(Invocation.of(new PredictSliceTask(name, roots.size(), key, modelKeys, confidences)));
                rows += slice.size();
            }
            fileError = file.stoppedBy();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + in + ": " + e.getMessage(), e);
        }
        plan = Plan.ofRoots("predict-" + name, roots, storeUri);
        return plan;
    }

    /**
     * Writes the predictions of a finished run of {@link #plan()} to {@code out} (gzip when its name ends in .gz):
     * the header, then every slice's lines in file order. A slice that has no output (its invocation failed) is an
     * error naming it; run the plan again, which runs only what is missing.
     */
    public Written writeTo(Path out) {
        Plan p = plan();
        try (ObjectStore store = ObjectStores.open(storeUri);
             OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             OutputStream stream = out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
                     : raw) {
            stream.write((PredictionCsv.headerLine(LibraryPrediction.LEADING_COLUMNS, confidences, classes) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Invocation slice : p.roots()) {
                String key = PredictSliceTask.outputKey(slice.id());
                byte[] lines = store.get(key).orElseThrow(() -> new IllegalStateException("no predictions for "
                        + slice.task().label() + " (" + key + " in " + storeUri + "): its invocation did not finish; "
                        + "run the plan again (finished slices are reused)"));
                stream.write(lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + out + ": " + e.getMessage(), e);
        }
        return new Written(rows, fileError);
    }
}
