package io.qspace.bench;

import io.qspace.Study;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * qspace's side of the classification benchmark (issue 12): the default study on one MoleculeACE-shaped CSV with its
 * given split, active at an activity of at least the threshold (pKi/pEC50 >= 7 by default), on a number of slots,
 * timed in process CPU seconds. Writes the best model by CV ROC-AUC with its CV and test class measures, the class
 * balance and a digest of every model's numbers (equal digests: equal numbers, e.g. on 1 and 4 slots) as JSON.
 *
 * Also writes the best model's test predictions (observed class, calibrated probability, prediction sets) for the
 * pooled coverage of its conformal sets. ACTIVITY names the activity column (default MoleculeACE's).
 *
 * The default classification study ({@link #STUDY_DEFAULT}, in the JSON's {@code study_default}) is the fingerprint
 * space with the mean of its 12 models chosen (Study.spaceFor); runs labelled "consensus by cv" were made in the
 * default descriptor space with the top-k consensus chosen when its nested CV was best, and runs without the key before
 * that (their {@code best} is the best single model). Then, in the same store, the chosen model of three variants:
 * {@code noConsensus()} (the best single model by CV, nothing runs), {@code consensusAlways()} (the top 3, 5 or 10)
 * and {@code consensusOfAll()} (the default's own choice), only the consensus invocation running, each with the CPU
 * seconds it added.
 *
 * SPACE (after ACTIVITY) runs another space with the mean of its models chosen instead of the default:
 * "fingerprints" ({@link Study#fingerprintSpace()}, the regression default) or "fingerprints-ap2d"
 * ({@link Study#fingerprintSpaceAp2d()}, the classification default); "default" (or none) the default.
 *
 * <pre>java ... io.qspace.bench.ClassificationBench CSV NAME THRESHOLD SLOTS SEED OUT.json [ACTIVITY [SPACE]]</pre>
 */
public final class ClassificationBench {
    /** What the default classification study is, as the JSON's study_default says. */
    static final String STUDY_DEFAULT = "fingerprint space, mean of all";
    private ClassificationBench() {}

    /** The study in the space SPACE names, its chosen model the mean of its models. */
    static Study space(Study study, String space) {
        return switch (space) {
            case "default" -> study;
            case "fingerprints" -> study.fingerprintSpace().consensusOfAll();
            case "fingerprints-ap2d" -> study.fingerprintSpaceAp2d().consensusOfAll();
            default -> throw new IllegalArgumentException(
                    "space '" + space + "': expected default, fingerprints or fingerprints-ap2d");
        };
    }

    public static void main(String[] args) throws Exception {
        long cpu0 = ModelSpaceBench.processCpuNanos();
        long wall0 = System.nanoTime();
        if (args.length < 6 || args.length > 8) {
            throw new IllegalArgumentException(
                    "usage: ClassificationBench CSV NAME THRESHOLD SLOTS SEED OUT.json [ACTIVITY [SPACE]]");
        }
        String space = args.length == 8 ? args[7] : "default";
        Path csv = Path.of(args[0]);
        String name = args[1];
        double threshold = Double.parseDouble(args[2]);
        int slots = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        Path store = ScratchFolder.create("qspace-classification-");
        var source = args.length >= 7 ? MoleculeAceStudy.source(csv, args[6]) : MoleculeAceStudy.source(csv);
        Study study = space(Study.named("classification-" + name)
                .datasets(source.activeAtLeast(threshold)).seed(seed).store(store.toString()), space);
        Results results;
        try (EmbeddedRunner runner = new EmbeddedRunner(slots)) {
            results = runner.submit(study.plan(), ProgressListener.defaultListener()).await();
        }
        Table ok = MoleculeAceStudy.ok(results);
        double cpuSeconds = (ModelSpaceBench.processCpuNanos() - cpu0) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("threshold", threshold);
        row.put("slots", slots);
        row.put("seed", seed);
        row.put("cpu_seconds", cpuSeconds);
        row.put("wall_seconds", (System.nanoTime() - wall0) / 1e9);
        row.put("models", ok.rowCount());
        row.put("failed_invocations", results.failed());
        if (ok.rowCount() == 0) {
            row.put("skipped", results.failures().rowCount() > 0 ? results.failures().print() : "no model");
            ModelSpaceBench.write(out, row);
            return;
        }
        StoredModel best = results.best(name);
        row.put("study_default", STUDY_DEFAULT);
        row.put("space", space);
        row.put("class_balance", best.provenance().classBalance());
        row.put("best", chosen(best));
        Table test = results.testPredictions(best);
        Map<String, Object> predictions = new LinkedHashMap<>();
        predictions.put("observed", test.numberColumn("observed").asList());
        predictions.put("probability", test.numberColumn("probability").asList());
        for (String column : test.columnNames()) {
            if (column.startsWith("set_")) {
                predictions.put(column, test.column(column).asList().stream().map(v -> v == null ? "" : v.toString())
                        .toList());
            }
        }
        predictions.put("classes", best.classCalibration() == null ? null : best.classCalibration().classes());
        row.put("test", predictions);
        Table numbers = ok.selectColumns("feature_set", "builder", "parameters", "cv_roc_auc", "cv_pr_auc", "cv_mcc",
                "cv_brier", "test_roc_auc", "test_pr_auc", "test_mcc", "test_brier").sortOn("feature_set", "builder");
        StringBuilder csvText = new StringBuilder();
        for (int i = 0; i < numbers.rowCount(); i++) {
            for (var column : numbers.columns()) {
                csvText.append(String.valueOf(column.get(i))).append(',');
            }
            csvText.append('\n');
        }
        row.put("numbers_digest", io.qspace.store.ContentHash.of(csvText.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, Object> variants = new LinkedHashMap<>();
        for (Map.Entry<String, Study> variant : List.of(Map.entry("single_models", study.noConsensus()),
                Map.entry("consensus_always", study.consensusAlways()),
                Map.entry("consensus_of_all", study.consensusOfAll()))) {
            // Same store: the builds are reused, only a consensus invocation runs.
            long variantCpu0 = ModelSpaceBench.processCpuNanos();
            Results variantResults;
            try (EmbeddedRunner runner = new EmbeddedRunner(slots)) {
                variantResults = runner.submit(variant.getValue().plan(), ProgressListener.defaultListener()).await();
            }
            Map<String, Object> v = chosen(variantResults.best(name));
            v.put("extra_cpu_seconds", (ModelSpaceBench.processCpuNanos() - variantCpu0) / 1e9);
            variants.put(variant.getKey(), v);
        }
        row.put("variants", variants);
        ModelSpaceBench.write(out, row);
    }

    /** The chosen model's names and its CV and test class measures. */
    private static Map<String, Object> chosen(StoredModel best) {
        var p = best.provenance();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("feature_set", p.featureSet());
        b.put("builder", p.builder());
        b.put("params", p.parameters());
        b.put("cv_roc_auc", p.cvClasses().rocAuc());
        b.put("cv_pr_auc", p.cvClasses().prAuc());
        b.put("test_roc_auc", p.testClasses().rocAuc());
        b.put("test_pr_auc", p.testClasses().prAuc());
        b.put("test_mcc", p.testClasses().mcc());
        b.put("test_balanced_accuracy", p.testClasses().balancedAccuracy());
        b.put("test_f1", p.testClasses().f1());
        b.put("test_brier", p.testClasses().brier());
        return b;
    }
}
