package io.qspace.cli;

import io.qspace.predict.LibraryPrediction;
import io.qspace.predict.PredictionCsv;
import io.qspace.predict.PredictionJob;
import io.qspace.predict.StructureFileException;
import io.qspace.results.ModelLibrary;
import io.qspace.results.Prediction;
import io.qspace.results.StoredModel;
import io.qspace.run.Runner;
import io.qspace.run.Runners;
import io.qspace.validate.Conformal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * qspace predict: stored models (by key, or the best of a dataset by CV) on SMILES given as arguments (CSV on standard
 * output), or on a file of structures streamed to a CSV file ({@code --in FILE --out FILE}).
 */
final class PredictCommand {
    static final String USAGE = "predict [--store DIR|URI] (--model KEY[,KEY...] | --best DATASET[,DATASET...]|all"
            + " | --best FILE, a file of three or more classes, for SMILES)"
            + " [--confidence 0.8,0.9] (SMILES... | --in FILE.csv|.sdf|.smi[.gz] --out FILE.csv[.gz]"
            + " [--smiles-column smiles] [--id-column id] [--threads N | --grid CLUSTER@HOST:PORT"
            + " [--rows-per-invocation 5000]])";
    private static final Set<String> OPTIONS = Set.of("--store", "--model", "--best", "--confidence", "--in", "--out",
            "--smiles-column", "--id-column", "--threads", "--grid", "--rows-per-invocation");

    private PredictCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv, OPTIONS);
        } catch (IllegalArgumentException e) {
            err.println("qspace predict: " + e.getMessage() + "\nusage: qspace " + USAGE);
            return 2;
        }
        boolean file = args.get("--in") != null;
        if ((args.get("--model") == null) == (args.get("--best") == null)
                || (file ? args.get("--out") == null || !args.positional().isEmpty() : args.positional().isEmpty())) {
            err.println("qspace predict: name the models (--model KEY or --best DATASET) and either SMILES or --in FILE"
                    + " --out FILE\nusage: qspace " + USAGE);
            return 2;
        }
        List<Double> confidences;
        try {
            confidences = args.get("--confidence") == null ? Conformal.DEFAULT_CONFIDENCES
                    : PredictionCsv.confidences(args.get("--confidence"));
        } catch (IllegalArgumentException e) {
            err.println("qspace predict: " + e.getMessage());
            return 2;
        }
        ModelLibrary library;
        try {
            library = ModelLibrary.open(args.get("--store", Main.DEFAULT_STORE));
        } catch (RuntimeException e) { // a wrong URI or an unreachable store: say which, no stack trace
            err.println("qspace predict: " + e.getMessage());
            return 1;
        }
        try {
            io.qspace.results.MultiClassModel classes;
            try {
                classes = multiClass(library, args);
            } catch (IllegalStateException e) {
                err.println("qspace predict: " + e.getMessage());
                return 1;
            }
            if (classes != null) {
                warnWithoutIntervals(classes.models(), err);
                if (file && args.get("--grid") != null) {
                    err.println("qspace predict: a file of classes (" + classes.file() + ") predicts a file here, not"
                            + " on a grid; on a grid name its classes' datasets, --best " + String.join(",",
                            classes.models().stream().map(m -> m.provenance().dataset()).toList())
                            + ", for each class's probability and set");
                    return 2;
                }
                return file ? predictFile(LibraryPrediction.with(classes), classes.models().size(), confidences, args,
                        err) : predictClasses(classes, confidences, args.positional(), out);
            }
            List<StoredModel> models;
            try {
                models = models(library, args);
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println("qspace predict: " + e.getMessage());
                return 1;
            }
            warnWithoutIntervals(models, err);
            if (file && args.get("--grid") != null) {
                return predictFileOnGrid(models, confidences, library.store().uri().toString(), args, err);
            }
            return file ? predictFile(LibraryPrediction.with(models), models.size(), confidences, args, err)
                    : predictArguments(models.get(0), models.size(), confidences, args.positional(), out, err);
        } finally {
            library.store().close();
        }
    }

    /** Says which models have no intervals or prediction sets, and why; they still predict. */
    private static void warnWithoutIntervals(List<StoredModel> models, PrintStream err) {
        for (StoredModel model : models) {
            if (!model.hasIntervals()) {
                err.println("qspace predict: " + model.noIntervalsReason());
            }
        }
    }

    /**
     * The classes of a file of three or more classes when --best names that file (its datasets are file.class);
     * null when --best names datasets.
     */
    private static io.qspace.results.MultiClassModel multiClass(ModelLibrary library, CliArgs args) {
        String best = args.get("--best");
        if (best == null || best.contains(",") || best.equals("all")
                || library.models().stringColumn("dataset").contains(best.strip())) {
            return null;
        }
        try {
            return library.multiClass(best.strip());
        } catch (IllegalArgumentException notAFile) {
            return null; // neither a dataset nor a file of classes: the usual "no model" message follows
        }
    }

    /** One CSV row per structure: its class, each class's probability, its prediction sets, its domain. */
    private static int predictClasses(io.qspace.results.MultiClassModel classes, List<Double> confidences,
                                      List<String> smiles, PrintStream out) {
        out.println("# " + classes.file() + ": classes " + String.join(", ", classes.classes())
                + ", one against the rest, by " + classes.models().stream()
                        .map(m -> m.provenance().dataset() + " [" + m.provenance().model() + "]").toList());
        List<String> header = new ArrayList<>(List.of("smiles"));
        header.addAll(PredictionCsv.header(classes, confidences));
        out.println(io.qspace.results.Csv.row(header));
        List<io.qspace.results.MultiClassModel.Answer> answers = classes.answers(smiles, confidences);
        boolean ok = true;
        for (int i = 0; i < smiles.size(); i++) {
            io.qspace.results.MultiClassModel.Answer answer = answers.get(i);
            List<String> fields = new ArrayList<>(List.of(smiles.get(i)));
            fields.addAll(PredictionCsv.fields(answer));
            out.println(io.qspace.results.Csv.row(fields));
            ok &= answer.error().isEmpty();
        }
        return ok ? 0 : 1;
    }

    private static List<StoredModel> models(ModelLibrary library, CliArgs args) {
        List<StoredModel> models = new ArrayList<>();
        if (args.get("--model") != null) {
            for (String key : args.get("--model").split(",")) {
                models.add(library.load(key.strip()));
            }
            return models;
        }
        String best = args.get("--best");
        List<String> datasets = best.equals("all")
                ? library.models().stringColumn("dataset").unique().asList().stream().sorted().toList()
                : List.of(best.split(","));
        for (String dataset : datasets) {
            models.add(library.best(dataset.strip()));
        }
        return models;
    }

    private static int predictArguments(StoredModel model, int count, List<Double> confidences, List<String> smiles,
                                        PrintStream out, PrintStream err) {
        if (count > 1) {
            err.println("qspace predict: several models predict a file (--in FILE --out FILE); SMILES arguments take one");
            return 2;
        }
        // the model on a comment line, so the rest reads as CSV (pandas: comment="#")
        out.println("# " + model + " [" + model.provenance().model() + "]");
        if (!model.hasIntervals()) {
            out.println("# no intervals: " + model.noIntervalsReason());
        }
        out.println(PredictionCsv.headerLine(List.of("smiles"), confidences, model.classifies()));
        List<Prediction> predictions = model.predict(smiles, confidences);
        for (Prediction p : predictions) {
            out.println(PredictionCsv.line(List.of(p.smiles()), p, confidences, model.classifies()));
        }
        return predictions.stream().allMatch(Prediction::ok) ? 0 : 1;
    }

    private static int predictFile(LibraryPrediction prediction, int modelCount, List<Double> confidences,
                                   CliArgs args, PrintStream err) {
        try {
            prediction.confidences(confidences)
                    .smilesColumn(args.get("--smiles-column")).idColumn(args.get("--id-column"))
                    .progress(p -> err.printf(Locale.ROOT, "qspace predict: %,d rows, %.0f rows/s%n", p.rows(),
                            p.rowsPerSecond()), 5);
            if (args.get("--threads") != null) {
                prediction.threads((int) args.number("--threads"));
            }
        } catch (IllegalArgumentException e) {
            err.println("qspace predict: " + e.getMessage());
            return 2;
        }
        LibraryPrediction.Summary summary;
        try {
            summary = prediction.run(Path.of(args.get("--in")), Path.of(args.get("--out")));
        } catch (StructureFileException e) {
            err.println("qspace predict: " + e.getMessage());
            return 1;
        }
        err.printf(Locale.ROOT, "qspace predict: %,d rows x %d model(s) to %s in %.1f s; %,d row(s) with an error"
                + " (see its error column)%n", summary.rows(), modelCount, args.get("--out"), summary.seconds(),
                summary.failedRows());
        if (!summary.complete()) {
            err.println("qspace predict: " + summary.fileError());
            return 1;
        }
        return 0;
    }

    /**
     * A file predicted as invocations on a grid ({@link PredictionJob}): members compute the slices, this client
     * joins them into the same file a local run writes.
     */
    private static int predictFileOnGrid(List<StoredModel> models, List<Double> confidences, String storeUri,
                                         CliArgs args, PrintStream err) {
        PredictionJob job = PredictionJob.of(Path.of(args.get("--in")), storeUri,
                        models.stream().map(m -> m.provenance().model()).toList())
                .confidences(confidences).columns(args.get("--smiles-column"), args.get("--id-column"));
        try {
            if (args.get("--rows-per-invocation") != null) {
                job.rowsPerInvocation((int) args.number("--rows-per-invocation"));
            }
            job.plan();
        } catch (IllegalArgumentException | StructureFileException e) {
            err.println("qspace predict: " + e.getMessage());
            return 2;
        }
        Runner runner;
        try {
            runner = Runners.open(args.get("--grid"));
        } catch (RuntimeException e) {
            err.println("qspace predict: cannot reach grid " + args.get("--grid") + ": " + e.getMessage()
                    + "\nIs a member running? Start one with grid/bin/qspace-member.");
            return 1;
        }
        try (runner) {
            io.qspace.results.Results run = runner.submit(job.plan(), io.qspace.run.ProgressListener.defaultListener())
                    .await();
            if (run.failed() > 0) {
                err.println("qspace predict: " + run.failed() + " slice(s) failed:\n" + run.failures().print()
                        + "\nrun the same command again: finished slices are reused");
                return 1;
            }
        }
        PredictionJob.Written written = job.writeTo(Path.of(args.get("--out")));
        err.printf(Locale.ROOT, "qspace predict: %,d rows x %d model(s) to %s on grid %s%n", written.rows(),
                models.size(), args.get("--out"), args.get("--grid"));
        if (!written.fileError().isEmpty()) {
            err.println("qspace predict: " + written.fileError());
            return 1;
        }
        return 0;
    }
}
