package io.qspace.cli;

import io.qspace.predict.PredictionCsv;
import io.qspace.results.ModelLibrary;
import io.qspace.results.Prediction;
import io.qspace.results.StoredModel;
import io.qspace.validate.Conformal;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** qspace predict: one stored model (by key, or the best of a dataset by CV) on SMILES, as CSV on standard output. */
final class PredictCommand {
    static final String USAGE = "predict [--store DIR|URI] (--model KEY | --best DATASET) [--confidence 0.8,0.9] SMILES...";
    private static final Set<String> OPTIONS = Set.of("--store", "--model", "--best", "--confidence");

    private PredictCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv, OPTIONS);
        } catch (IllegalArgumentException e) {
            err.println("qspace predict: " + e.getMessage() + "\nusage: qspace " + USAGE);
            return 2;
        }
        if ((args.get("--model") == null) == (args.get("--best") == null) || args.positional().isEmpty()) {
            err.println("qspace predict: name one model (--model KEY or --best DATASET) and at least one SMILES"
                    + "\nusage: qspace " + USAGE);
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
            StoredModel model;
            try {
                model = args.get("--model") != null ? library.load(args.get("--model"))
                        : library.best(args.get("--best"));
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println("qspace predict: " + e.getMessage());
                return 1;
            }
            // the model on a comment line, so the rest reads as CSV (pandas: comment="#")
            out.println("# " + model + " [" + model.provenance().model() + "]");
            if (!model.hasIntervals()) {
                out.println("# no intervals: " + model.noIntervalsReason());
                err.println("qspace predict: " + model.noIntervalsReason());
            }
            out.println(PredictionCsv.headerLine(List.of("smiles"), confidences));
            List<Prediction> predictions = model.predict(args.positional(), confidences);
            for (Prediction p : predictions) {
                out.println(PredictionCsv.line(List.of(p.smiles()), p, confidences));
            }
            return predictions.stream().allMatch(Prediction::ok) ? 0 : 1;
        } finally {
            library.store().close();
        }
    }
}
