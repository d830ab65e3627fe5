package io.qspace.cli;

import io.qspace.results.Results;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** qspace runs: a study's runs in a store, oldest first; with a run id, that run's results. */
final class RunsCommand {
    static final String USAGE = "runs [--store DIR|URI] STUDY [RUN]";
    private static final Set<String> OPTIONS = Set.of("--store");

    private RunsCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv, OPTIONS);
            if (args.positional().isEmpty() || args.positional().size() > 2) {
                throw new IllegalArgumentException("name one study, and optionally one of its runs");
            }
        } catch (IllegalArgumentException e) {
            err.println("qspace runs: " + e.getMessage() + "\nusage: qspace " + USAGE);
            return 2;
        }
        String study = args.positional().get(0);
        ObjectStore store;
        try {
            store = ObjectStores.open(args.get("--store", Main.DEFAULT_STORE));
        } catch (RuntimeException e) {
            err.println("qspace runs: " + e.getMessage());
            return 1;
        }
        try {
            List<String> runs = Results.runs(store, study);
            if (args.positional().size() == 2) {
                String run = args.positional().get(1);
                if (!runs.contains(run)) {
                    err.println("qspace runs: study " + study + " has no run '" + run + "' in " + store.uri()
                            + "; its runs: " + runs);
                    return 1;
                }
                out.println(Results.load(store, study, run));
                return 0;
            }
            if (runs.isEmpty()) {
                out.println("no runs of study '" + study + "' in " + store.uri());
                return 0;
            }
            out.printf("%-28s %9s %9s %9s %9s%n", "run", "executed", "reused", "failed", "seconds");
            for (String run : runs) {
                Map<String, String> m = Results.load(store, study, run).summary();
                out.printf("%-28s %9s %9s %9s %9s%n", run, m.getOrDefault("executed", "?"),
                        m.getOrDefault("reused", "?"), m.getOrDefault("failed", "?"), m.getOrDefault("seconds", "?"));
            }
            out.println(runs.size() + " run(s); show one with: qspace runs --store " + store.uri() + " " + study
                    + " RUN");
            return 0;
        } catch (RuntimeException e) {
            err.println("qspace runs: " + e.getMessage());
            return 1;
        } finally {
            store.close();
        }
    }
}
