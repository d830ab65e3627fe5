package io.qspace.cli;

import io.qspace.Study;
import io.qspace.data.Datasets;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.Runner;
import io.qspace.run.Runners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The qspace command line.
 * <pre>
 *   qspace sample [--store DIR] [--slots N]   the sample study over datasets-sample/ on the embedded default
 *   qspace run [--grid ADDRESS] SCRIPT.jsh    a study written as a JShell script, DSL imports preloaded
 *   qspace models [--store DIR|URI] ...       the models in a store across studies, filtered
 *   qspace predict --store ... --model KEY|--best DATASET SMILES...
 *   qspace runs [--store DIR|URI] STUDY [RUN]  a study's runs, or one run's results
 * </pre>
 */
public final class Main {
    static final String DEFAULT_STORE = "qspace-results";

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage();
            return;
        }
        int code = switch (args[0]) {
            case "sample" -> sample(Arrays.copyOfRange(args, 1, args.length));
            case "run" -> runScript(Arrays.copyOfRange(args, 1, args.length));
            case "models" -> models(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            case "predict" -> predict(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            case "runs" -> RunsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            default -> {
                System.err.println("qspace: unknown command '" + args[0] + "'");
                usage();
                yield 2;
            }
        };
        System.exit(code);
    }

    private static void usage() {
        System.out.println("""
                usage: qspace <command>
                  sample [--store DIR] [--slots N]   run the sample study over datasets-sample/ and print a leaderboard
                  run [--grid CLUSTER@HOST:PORT] SCRIPT.jsh
                                                     run a study written as a JShell script (DSL imports preloaded),
                                                     embedded or on a running grid
                  """ + ModelsCommand.USAGE + """

                                                     list the models in a store across studies
                  """ + PredictCommand.USAGE + """

                                                     predict with a stored model, with the applicability domain
                  """ + RunsCommand.USAGE + """

                                                     list a study's runs, or show one run's results""");
    }

    /** The sample study: every set in datasets-sample/, the default model space (Study.spaceFor: for a regression
     *  the fingerprint Gaussian processes and their mean), 4 embedded slots. */
    static int sample(String[] args) {
        String store = option(args, "--store", DEFAULT_STORE);
        int slots = Integer.parseInt(option(args, "--slots", Integer.toString(EmbeddedRunner.DEFAULT_SLOTS)));
        Path data = home().resolve("datasets-sample");
        Study study = Study.named("sample")
                .datasets(Datasets.csv(data + "/*.csv").smiles("smiles").id("id"))
                .store(store)
                .seed(42);
        System.out.println(study);
        Plan plan = study.plan();
        System.out.println(plan);
        Results results;
        try (EmbeddedRunner runner = new EmbeddedRunner(slots)) {
            results = runner.run(plan);
        }
        System.out.println();
        System.out.println("Chosen model per dataset (by default the mean of the default space's models; a study"
                + " that names its space gets the best by cross-validation):");
        System.out.println(results.leaderboard().print());
        results.leaderboardNotes().forEach(System.out::println);
        if (results.failed() > 0) {
            System.out.println(results.failed() + " invocation(s) failed:");
            System.out.println(results.failures().selectColumns("dataset", "feature_set", "builder", "error").print());
        }
        if (results.issues().rowCount() > 0) {
            System.out.println(results.issues().rowCount() + " input issue(s); see studies/sample/runs/"
                    + results.runId() + "/issues.csv in the store");
        }
        System.out.println("Results: " + plan.storeUri().replaceAll("/+$", "") + "/studies/sample/results.csv");
        return 0;
    }

    /** @return the exit code; output goes to out, problems to err */
    public static int models(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        return ModelsCommand.run(args, out, err);
    }

    public static int predict(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        return PredictCommand.run(args, out, err);
    }

    static int runScript(String[] args) throws Exception {
        String grid = option(args, "--grid", null);
        String[] rest = grid == null ? args : without(args, "--grid");
        if (rest.length != 1) {
            System.err.println("usage: qspace run [--grid CLUSTER@HOST:PORT] SCRIPT.jsh");
            return 2;
        }
        Path script = Path.of(rest[0]);
        if (!Files.isRegularFile(script)) {
            System.err.println("qspace: no script at " + script.toAbsolutePath());
            return 2;
        }
        String source = Files.readString(script, StandardCharsets.UTF_8);
        if (grid == null) {
            return new ScriptRunner(System.out, System.err).run(source, script.toString()) ? 0 : 1;
        }
        // the script's study.run() goes to the grid, as in a notebook after %grid connect
        Runner runner;
        try {
            runner = Runners.open(grid);
        } catch (RuntimeException e) {
            System.err.println("qspace: cannot reach grid " + grid + ": " + e.getMessage()
                    + "\nIs a member running? Start one with grid/bin/qspace-member.");
            return 1;
        }
        Runners.attach(runner);
        try {
            return new ScriptRunner(System.out, System.err).run(source, script.toString()) ? 0 : 1;
        } finally {
            Runners.detach();
            runner.close();
        }
    }

    private static String[] without(String[] args, String option) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option)) {
                i++;
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The project folder: set by the launcher script, else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("qspace.home", ".")).toAbsolutePath().normalize();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
