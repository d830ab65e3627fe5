package io.qspace.predict;

import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.DescriptorSet;
import io.qspace.results.MultiClassModel;
import io.qspace.results.Prediction;
import io.qspace.results.StoredModel;
import io.qspace.validate.Conformal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Predicts a file of structures with one or several stored models in one pass, streaming to a CSV file in bounded
 * memory: batches of structures go to a pool of threads (descriptors computed once per molecule per descriptor set,
 * shared by the models that use it) and come back in file order, so the output is the same on 1 thread or 16. A
 * structure that cannot be read or parsed is a row with its error. A file that cannot be read on (truncated gzip,
 * not UTF-8) keeps the rows before and ends with {@link Summary#fileError()}.
 *
 * <pre>
 * var summary = LibraryPrediction.with(models).run(Path.of("library.smi.gz"), Path.of("predictions.csv"));
 * </pre>
 *
 * Output columns: row, id, smiles, dataset, model, predicted, lower_80, upper_80, lower_90, upper_90, ad_score,
 * in_domain, error (one line per structure and model, models in the order given); with a classifier among the
 * models, probability, predicted_class, set_80 and set_90 before error ({@link PredictionCsv}). For a file of three
 * or more classes ({@link #with(MultiClassModel)}), one line per structure: row, id, smiles, file, predicted, p_ per
 * class, set_80, set_90, in_domain, error.
 */
public final class LibraryPrediction {
    /** What a run did: rows read, prediction lines written, structures with an error, and a file-level error. */
    public record Summary(long rows, long lines, long failedRows, String fileError, double seconds) {
        public boolean complete() {
            return fileError.isEmpty();
        }
    }

    /** Where a run is: rows written so far and the time since it started. */
    public record Progress(long rows, double seconds) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private final List<StoredModel> models;
    /** A file of classes whose models these are, answered as one; null for models each on its own line */
    private final MultiClassModel classes;
    private List<Double> confidences = Conformal.DEFAULT_CONFIDENCES;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int batch = 64;
    private String smilesColumn;
    private String idColumn;
    private Consumer<Progress> progress = p -> { };
    private double progressEverySeconds = 5;

    private LibraryPrediction(List<StoredModel> models, MultiClassModel classes) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name at least one model to predict with");
        }
        this.models = List.copyOf(models);
        this.classes = classes;
    }

    /** A file of three or more classes: every class model on each structure, one line with its class and sets. */
    public static LibraryPrediction with(MultiClassModel classes) {
        return new LibraryPrediction(classes.models(), classes);
    }

    public static LibraryPrediction with(List<StoredModel> models) {
        return new LibraryPrediction(models, null);
    }

    public static LibraryPrediction with(StoredModel... models) {
        return new LibraryPrediction(List.of(models), null);
    }

    public LibraryPrediction confidences(List<Double> values) {
        this.confidences = List.copyOf(values);
        return this;
    }

    public LibraryPrediction threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + n);
        }
        this.threads = n;
        return this;
    }

    /** Structures per unit of work (default 64): memory holds about 2 x threads batches at a time. */
    public LibraryPrediction batch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + n);
        }
        this.batch = n;
        return this;
    }

    /** The CSV column with SMILES (default "smiles", any case). */
    public LibraryPrediction smilesColumn(String name) {
        this.smilesColumn = name;
        return this;
    }

    /** The CSV column or SD property naming each structure (default a CSV's "id" column, an SD record's title). */
    public LibraryPrediction idColumn(String name) {
        this.idColumn = name;
        return this;
    }

    /** Called every few seconds and at the end, on the calling thread. */
    public LibraryPrediction progress(Consumer<Progress> listener, double everySeconds) {
        this.progress = listener;
        this.progressEverySeconds = everySeconds;
        return this;
    }

    /** Whether some model is a classifier, so the lines carry the class columns ({@link PredictionCsv}). */
    static boolean classifies(List<StoredModel> models) {
        return models.stream().anyMatch(StoredModel::classifies);
    }

    /** The columns before the prediction's own in every output line. */
    static final List<String> LEADING_COLUMNS = List.of("row", "id", "smiles", "dataset", "model");

    /** The output's first line: row, id, smiles, dataset, model, then the prediction's columns. */
    public String header() {
        if (classes != null) {
            List<String> columns = new ArrayList<>(List.of("row", "id", "smiles", "file"));
            columns.addAll(PredictionCsv.header(classes, confidences));
            return io.qspace.results.Csv.row(columns);
        }
        return PredictionCsv.headerLine(LEADING_COLUMNS, confidences, classifies(models));
    }

    /** Reads {@code in} and writes {@code out} (gzip when its name ends in .gz). */
    public Summary run(Path in, Path out) {
        try (StructureFile file = StructureFile.open(in, smilesColumn, idColumn);
             OutputStream raw = Files.newOutputStream(out);
             OutputStream stream = out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            return run(file, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + out + ": " + e.getMessage(), e);
        }
    }

    private Summary run(StructureFile file, BufferedWriter writer) throws IOException {
        long start = System.nanoTime();
        writer.write(header());
        writer.write('\n');
        Map<String, DescriptorSet> descriptorSets = descriptorSets();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qspace-library-predict");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
        long lines = 0;
        long failed = 0;
        long written = 0;
        double lastProgress = 0;
        try {
            boolean more = true;
            while (more) {
                List<StructureRow> rows = file.next(batch);
                more = rows.size() == batch && file.stoppedBy().isEmpty();
                if (!rows.isEmpty()) {
                    inFlight.add(pool.submit(() -> predict(rows, descriptorSets)));
                }
                while (!inFlight.isEmpty() && (inFlight.size() >= 2 * threads || !more)) {
                    Batch done = take(inFlight.poll());
                    writer.write(done.text());
                    lines += done.lines();
                    failed += done.failedRows();
                    written += done.rows();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (seconds - lastProgress >= progressEverySeconds) {
                        lastProgress = seconds;
                        progress.accept(new Progress(written, seconds));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        writer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.accept(new Progress(written, seconds));
        return new Summary(written, lines, failed, file.stoppedBy(), seconds);
    }

    private static Batch take(Future<Batch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("prediction interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private record Batch(String text, long rows, long lines, long failedRows) {}

    /**
     * The output lines of these rows (no header), as a run writes them: what one invocation of a prediction on a
     * runner ({@link PredictionJob}) computes for its slice of the file.
     */
    public String lines(List<StructureRow> rows) {
        // batch by batch, as a run does: a slice's descriptors at once would need its rows x columns in memory
        Map<String, DescriptorSet> descriptorSets = descriptorSets();
        StringBuilder text = new StringBuilder();
        for (int from = 0; from < rows.size(); from += batch) {
            text.append(predict(rows.subList(from, Math.min(rows.size(), from + batch)), descriptorSets).text());
        }
        return text.toString();
    }

    private Map<String, DescriptorSet> descriptorSets() {
        Map<String, DescriptorSet> descriptorSets = new LinkedHashMap<>();
        for (StoredModel m : models) {
            descriptorSets.putIfAbsent(m.descriptors().describe(), m.descriptors());
        }
        return descriptorSets;
    }

    /** One batch on a worker: descriptors once per descriptor set, then every model, lines in row then model order. */
    private Batch predict(List<StructureRow> rows, Map<String, DescriptorSet> descriptorSets) {
        List<String> smiles = new ArrayList<>();
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ok()) {
                readable.add(i);
                smiles.add(rows.get(i).smiles());
            }
        }
        Map<String, DescriptorMatrix> matrices = new LinkedHashMap<>();
        for (Map.Entry<String, DescriptorSet> e : descriptorSets.entrySet()) {
            matrices.put(e.getKey(), e.getValue().calculate(smiles, null)); // this thread: the pool is the batches
        }
        List<List<Prediction>> byModel = new ArrayList<>();
        for (StoredModel m : models) {
            byModel.add(m.predict(smiles, matrices.get(m.descriptors().describe()), confidences));
        }
        if (classes != null) {
            return answers(rows, readable, byModel);
        }
        StringBuilder text = new StringBuilder(rows.size() * models.size() * 160);
        boolean classes = classifies(models);
        long failed = 0;
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            StructureRow row = rows.get(i);
            boolean read = k < readable.size() && readable.get(k) == i;
            boolean anyError = !read;
            for (int m = 0; m < models.size(); m++) {
                StoredModel model = models.get(m);
                Prediction p = read ? byModel.get(m).get(k)
                        : new Prediction(row.smiles(), Double.NaN, Double.NaN, false, row.error());
                anyError |= !p.ok();
                text.append(PredictionCsv.line(List.of(Long.toString(row.row()), row.id(), row.smiles(),
                        model.provenance().dataset(), model.provenance().model()), p, confidences, classes))
                        .append('\n');
            }
            failed += anyError ? 1 : 0;
            k += read ? 1 : 0;
        }
        return new Batch(text.toString(), rows.size(), (long) rows.size() * models.size(), failed);
    }

    /** A file of classes: one line per structure, its class models' predictions put together. */
    private Batch answers(List<StructureRow> rows, List<Integer> readable, List<List<Prediction>> byModel) {
        StringBuilder text = new StringBuilder(rows.size() * 200);
        long failed = 0;
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            StructureRow row = rows.get(i);
            boolean read = k < readable.size() && readable.get(k) == i;
            int at = k;
            List<Prediction> perClass = read ? byModel.stream().map(list -> list.get(at)).toList()
                    : List.of(new Prediction(row.smiles(), Double.NaN, Double.NaN, false, row.error()));
            MultiClassModel.Answer answer = classes.answer(perClass, confidences);
            List<String> fields = new ArrayList<>(List.of(Long.toString(row.row()), row.id(), row.smiles(),
                    classes.file()));
            fields.addAll(PredictionCsv.fields(answer));
            text.append(io.qspace.results.Csv.row(fields)).append('\n');
            failed += answer.error().isEmpty() ? 0 : 1;
            k += read ? 1 : 0;
        }
        return new Batch(text.toString(), rows.size(), rows.size(), failed);
    }
}
