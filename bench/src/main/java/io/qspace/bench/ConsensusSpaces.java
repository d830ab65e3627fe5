package io.qspace.bench;

import io.qspace.Study;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import io.qspace.validate.Consensus;
import io.qspace.validate.Metrics;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tech.tablesaw.api.Table;

/**
 * The model-space levers of the honest-selection benchmark, measured on its own stores without refitting what they
 * hold: for each store (one set, one selection mode), the chosen single model and the top-k consensus in several
 * candidate spaces (subsets of the default study's rows, and the default with the SVR's kernel "auto" = Tanimoto on
 * fingerprint counts, whose builds a second run of the same study adds to the store: its prepare step is reused).
 *
 * <pre>java ... io.qspace.bench.ConsensusSpaces SAMPLE_DIR SEED OUT.jsonl STORE...</pre>
 */
public final class ConsensusSpaces {
    private ConsensusSpaces() {}

    private static final List<Integer> SIZES = List.of(3, 5, 10);

    /** One candidate: its row, CV, test predictions and out-of-fold predictions. */
    private record Candidate(String featureSet, String builder, boolean tanimotoRun, double cvRmse,
                             double[] test, double[] observedTest, Table oof) {}

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        StringBuilder lines = new StringBuilder();
        for (int a = 3; a < args.length; a++) {
            Path dir = Path.of(args[a]);
            ObjectStore store = ObjectStores.open(dir.toString());
            String study;
            try (var s = Files.list(dir.resolve("studies"))) {
                study = s.findFirst().orElseThrow().getFileName().toString();
            }
            String set = study.replaceFirst("^honest-", "");
            Results first = Results.load(store, study, Results.runs(store, study).get(0));
            Table ok = first.table().where(first.table().stringColumn("status").isEqualTo("ok"));
            String mode = ok.stringColumn("selection").get(0);
            if (Results.runs(store, study).size() < 2) {
                Validation v = mode.equals("before-cv") ? Validation.kFold(5).selectionBeforeCv() : Validation.kFold(5);
                Study tanimoto = Study.named(study)
                        .datasets(Datasets.csv(samples.resolve(set + ".csv").toString()).smiles("smiles")
                                .activity("y [pEC50/pKi]").split("split"))
                        .validation(v).seed(seed).store(dir.toString())
                        .builders(Builders.svr().kernel("auto"));
                try (EmbeddedRunner runner = new EmbeddedRunner()) {
                    runner.submit(tanimoto.plan(), ProgressListener.none()).await();
                }
            }
            List<String> runs = Results.runs(store, study);
            Results second = Results.load(store, study, runs.get(runs.size() - 1));
            List<Candidate> all = new ArrayList<>();
            all.addAll(candidates(first, false));
            all.addAll(candidates(second, true));

            Map<String, Predicate<Candidate>> spaces = new LinkedHashMap<>();
            spaces.put("default", c -> !c.tanimotoRun);
            spaces.put("default-svr-auto", c -> c.tanimotoRun || !c.builder.equals("svr"));
            spaces.put("unsupervised-features", c -> !c.tanimotoRun && isUnsupervised(c.featureSet));
            spaces.put("unsupervised-features-svr-auto", c -> isUnsupervised(c.featureSet)
                    && (c.tanimotoRun || !c.builder.equals("svr")));
            spaces.put("ecfp4-only-svr-auto", c -> c.featureSet.equals("ecfp4")
                    && (c.tanimotoRun || !c.builder.equals("svr")));
            spaces.put("nonlinear-builders-svr-auto", c -> !List.of("mlr", "pls", "tree").contains(c.builder)
                    && (c.tanimotoRun || !c.builder.equals("svr")));
            StringBuilder json = new StringBuilder("{\"name\": \"" + set + "\", \"selection\": \"" + mode
                    + "\", \"spaces\": {");
            boolean firstSpace = true;
            for (Map.Entry<String, Predicate<Candidate>> e : spaces.entrySet()) {
                List<Candidate> in = all.stream().filter(e.getValue()).toList();
                json.append(firstSpace ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(score(in));
                firstSpace = false;
            }
            lines.append(json).append("}}\n");
            System.err.println("consensus spaces: " + set + " " + mode);
        }
        Files.writeString(out, lines.toString());
    }

    private static boolean isUnsupervised(String featureSet) {
        return featureSet.equals("filtered") || featureSet.equals("ecfp4");
    }

    private static List<Candidate> candidates(Results results, boolean tanimotoRun) {
        Table t = results.table();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.stringColumn("status").get(i).equals("ok") || t.stringColumn("builder").get(i).equals("consensus")) {
                continue;
            }
            StoredModel m = StoredModel.load(results.store(), t.stringColumn("model").get(i));
            Table test = results.testPredictions(m);
            out.add(new Candidate(t.stringColumn("feature_set").get(i), t.stringColumn("builder").get(i), tanimotoRun,
                    t.doubleColumn("cv_rmse").get(i), test.doubleColumn("predicted").asDoubleArray(),
                    test.doubleColumn("observed").asDoubleArray(), results.outOfFold(m)));
        }
        return out;
    }

    /** The single best by CV and the consensus (nested and plain CV) of one candidate space, as JSON. */
    private static String score(List<Candidate> in) {
        Candidate best = in.stream().min(java.util.Comparator.comparingDouble(Candidate::cvRmse)).orElseThrow();
        Table o = in.get(0).oof();
        int repeats = o.intColumn("repeat").asList().stream().mapToInt(Integer::intValue).max().orElse(1);
        int n = o.rowCount() / repeats;
        double[] observed = new double[n];
        int[][] folds = new int[repeats][n];
        for (int row = 0; row < o.rowCount(); row++) {
            int r = o.intColumn("repeat").get(row) - 1;
            folds[r][row % n] = o.intColumn("fold").get(row) - 1;
            observed[row % n] = o.doubleColumn("observed").get(row);
        }
        double[][][] predictions = new double[in.size()][repeats][n];
        for (int c = 0; c < in.size(); c++) {
            Table t = in.get(c).oof();
            for (int row = 0; row < t.rowCount(); row++) {
                predictions[c][t.intColumn("repeat").get(row) - 1][row % n] = t.doubleColumn("predicted").get(row);
            }
        }
        Consensus consensus = new Consensus(observed, folds, predictions);
        Consensus.Result r = consensus.score(SIZES);
        // the best single model chosen inside each held-out fold: the honest score of "pick the best by CV"
        double singleNested = consensus.score(List.of(1)).cv().rmse();
        double[][] memberTest = r.members().stream().map(c -> in.get(c).test()).toArray(double[][]::new);
        double consensusTest = Metrics.rmse(best.observedTest(), Consensus.mean(memberTest));
        double singleTest = Metrics.rmse(best.observedTest(), best.test());
        return String.format(java.util.Locale.ROOT, "{\"candidates\": %d, \"single\": {\"model\": \"%s/%s%s\", "
                        + "\"cv_rmse\": %.6f, \"nested_cv_rmse\": %.6f, \"test_rmse\": %.6f}, \"consensus\": {\"k\": %d, \"cv_rmse\": %.6f, "
                        + "\"plain_cv_rmse\": %.6f, \"test_rmse\": %.6f}}", in.size(), best.featureSet(), best.builder(),
                best.tanimotoRun() ? "-auto" : "", best.cvRmse(), singleNested, singleTest, r.k(), r.cv().rmse(), r.plain(),
                consensusTest);
    }
}
