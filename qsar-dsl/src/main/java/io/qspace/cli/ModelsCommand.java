package io.qspace.cli;

import java.util.List;

import io.qspace.results.ModelLibrary;
import java.io.PrintStream;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * qspace models: the models in a store across its studies, filtered, best by CV first within each dataset (by the
 * metric that chose them: RMSE, or ROC-AUC for classifiers).
 */
final class ModelsCommand {
    static final String USAGE = "models [--store DIR|URI] [--dataset D] [--name PART] [--builder B] "
            + "[--max-test-rmse X] [--min-cv-q2 Y] [--csv]";
    private static final Set<String> OPTIONS = Set.of("--store", "--dataset", "--name", "--builder",
            "--max-test-rmse", "--min-cv-q2");
    /** What a reader sees: what the model is, how good CV and the test say it is, and what made it. */
    private static final String[] SHOWN = {"study", "dataset", "feature_set", "builder", "parameters", "cv_q2",
            "cv_rmse", "test_r2", "test_rmse", "selection", "split", "seed", "dataset_hash", "qspace_version",
            "descriptor_version", "model"};

    private ModelsCommand() {}

    /** The shown columns, metrics to three decimals and the dataset hash to 12 characters (printing only). */
    static Table readable(Table models) {
        Table t = models.selectColumns(SHOWN).copy();
        List<String> metrics = new java.util.ArrayList<>(List.of("cv_q2", "cv_rmse", "test_r2", "test_rmse"));
        if (models.doubleColumn("cv_roc_auc").countMissing() < models.rowCount()) {
            // classifiers among the models: their CV and test ROC-AUC and the metric that ranks them, after the RMSEs
            int at = t.columnIndex("test_rmse") + 1;
            for (String column : List.of("chosen_by", "cv_roc_auc", "test_roc_auc")) {
                t.insertColumn(at++, models.column(column).copy());
            }
            metrics.addAll(List.of("cv_roc_auc", "test_roc_auc"));
        }
        for (String metric : metrics) {
            t.doubleColumn(metric).setPrintFormatter(
                    tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(3));
        }
        t.replaceColumn("dataset_hash", t.stringColumn("dataset_hash")
                .map(h -> h.length() > 12 ? h.substring(0, 12) : h));
        return t;
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv, OPTIONS, Set.of("--csv"));
        } catch (IllegalArgumentException e) {
            err.println("qspace models: " + e.getMessage() + "\nusage: qspace " + USAGE);
            return 2;
        }
        ModelLibrary.Filter filter = ModelLibrary.Filter.all().dataset(args.get("--dataset"))
                .nameContains(args.get("--name")).builder(args.get("--builder"))
                .maxTestRmse(args.number("--max-test-rmse")).minCvQ2(args.number("--min-cv-q2"));
        ModelLibrary library;
        try {
            library = ModelLibrary.open(args.get("--store", Main.DEFAULT_STORE));
        } catch (RuntimeException e) { // a wrong URI or an unreachable store: say which, no stack trace
            err.println("qspace models: " + e.getMessage());
            return 1;
        }
        try {
            Table models = library.models(filter);
            if (models.rowCount() == 0) {
                out.println("no models in " + library.store().uri() + " match; studies there: " + library.studies());
                return 0;
            }
            if (Boolean.parseBoolean(args.get("--csv", "false"))) {
                // every column, every digit: the exact values, for pandas or a spreadsheet
                out.print(io.qspace.results.ModelLibrary.csv(models));
                return 0;
            }
            out.println(readable(models).printAll());
            out.println(models.rowCount() + " model(s); predict with: qspace predict --store "
                    + library.store().uri() + " --model MODEL SMILES...");
            return 0;
        } finally {
            library.store().close();
        }
    }
}
