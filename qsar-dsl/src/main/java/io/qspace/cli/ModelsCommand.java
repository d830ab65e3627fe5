package io.qspace.cli;

import io.qspace.results.ModelLibrary;
import java.io.PrintStream;
import java.util.Set;
import tech.tablesaw.api.Table;

/** qspace models: the models in a store across its studies, filtered, best by CV first within each dataset. */
final class ModelsCommand {
    static final String USAGE = "models [--store DIR|URI] [--dataset D] [--name PART] [--builder B] "
            + "[--max-test-rmse X] [--min-cv-q2 Y]";
    private static final Set<String> OPTIONS = Set.of("--store", "--dataset", "--name", "--builder",
            "--max-test-rmse", "--min-cv-q2");

    private ModelsCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv, OPTIONS);
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
            out.println(models.selectColumns("study", "dataset", "feature_set", "builder", "parameters", "cv_q2",
                    "cv_rmse", "test_r2", "test_rmse", "model").printAll());
            out.println(models.rowCount() + " model(s); predict with: qspace predict --store "
                    + library.store().uri() + " --model MODEL SMILES...");
            return 0;
        } finally {
            library.store().close();
        }
    }
}
