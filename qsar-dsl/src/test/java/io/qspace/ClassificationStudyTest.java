package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A classification study end to end on the sample BZR set thresholded at pIC50 >= 7 (121 active, 42 inactive): every
 * builder's classifier counterpart through the same plan, store and results, on 1 slot and on 4 with the same numbers.
 */
class ClassificationStudyTest {
    @TempDir
    Path one;
    @TempDir
    Path four;

    static Study study(String name, Path store) {
        return Study.named(name)
                .datasets(Datasets.csv(SampleData.folder().resolve("sutherland_BZR.csv").toString()).smiles("smiles")
                        .id("id").activity("pIC50").activeAtLeast(7))
                .descriptors(io.qspace.chem.Descriptors.cdkDefault())
                .selectors(io.qspace.select.Selectors.topCorrelated(10))
                .builders(Builders.mlr(), Builders.pls().components(2, 3), Builders.knn().k(5),
                        Builders.randomForest().trees(30), Builders.gradientBoosting().trees(30),
                        Builders.svr().c(1, 10), Builders.mlp().units(8).epochs(30), Builders.tree().maxDepth(3))
                .validation(Validation.kFold(3).yRandomisation(2))
                .store(store.toString())
                .seed(11);
    }

    @Test
    void aThresholdedStudyRunsTheSameOnOneAndFourSlots() {
        Results a;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            a = runner.run(study("classes", one).plan());
        }
        Results b;
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            b = runner.run(study("classes", four).plan());
        }
        Table table = a.table();
        assertTrue(table.stringColumn("status").allMatch("ok"::equals), table.print());
        // every builder's classifier, and the consensus a classification has by default
        assertEquals(List.of("consensus", "gbm", "knn", "logistic", "mlp", "pls-da", "rf", "svm", "tree"),
                table.stringColumn("builder").unique().asList().stream().sorted().toList());
        assertTrue(table.stringColumn("chosen_by").allMatch("roc_auc"::equals));
        for (String column : List.of("cv_roc_auc", "test_roc_auc", "cv_pr_auc", "cv_balanced_accuracy")) {
            assertTrue(table.doubleColumn(column).asList().stream().allMatch(v -> v >= 0 && v <= 1), column);
        }
        assertTrue(table.doubleColumn("cv_roc_auc").max() > 0.75, "BZR activity is learnable: " + table.print());
        // y-randomised classes: a model that learnt the real relation falls to chance on shuffled classes
        assertTrue(table.doubleColumn("yrand_roc_auc").mean() < 0.7, table.print());
        // the random split keeps the class balance: each class's test share is within one compound of 20%
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "train (\\d+) active / (\\d+) inactive; test (\\d+) active / (\\d+) inactive")
                .matcher(table.stringColumn("class_balance").get(0));
        assertTrue(m.matches(), table.stringColumn("class_balance").get(0));
        for (int k = 1; k <= 2; k++) {
            int train = Integer.parseInt(m.group(k));
            int test = Integer.parseInt(m.group(k + 2));
            assertTrue(Math.abs(test - 0.2 * (train + test)) <= 1, m.group());
        }

        Table board = a.leaderboard();
        assertEquals(1, board.rowCount());
        assertEquals(table.doubleColumn("cv_roc_auc").max(), board.doubleColumn("cv_roc_auc").get(0), 1e-12,
                "the best model is the one with the highest CV ROC-AUC");
        StoredModel best = a.best("sutherland_BZR");
        double p = best.predict("CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21").value();
        assertTrue(p >= 0 && p <= 1, "a classifier predicts a probability, got " + p);
        predictionsCarryCalibratedProbabilitiesAndSets(a, best);

        assertEquals(numbers(table).print(), numbers(b.table()).print(), "1 and 4 slots give the same numbers");
    }

    /** Point 5: calibrated probabilities and Mondrian sets in the test table, a prediction, and the command line. */
    private void predictionsCarryCalibratedProbabilitiesAndSets(Results results, StoredModel best) {
        assertTrue(best.classifies() && best.hasIntervals(), best.toString());
        io.qspace.results.Prediction diazepam = best.predict(List.of(DIAZEPAM, "not a molecule"), 0.8, 0.9).get(0);
        assertTrue(diazepam.classifies());
        double calibrated = diazepam.classes().probability();
        assertTrue(calibrated > 0 && calibrated < 1, "a Platt probability is strictly inside (0, 1): " + calibrated);
        assertEquals(calibrated >= 0.5 ? "active" : "inactive", diazepam.classes().predictedClass());
        List<String> at80 = diazepam.classes().set(0.8).classes();
        List<String> at90 = diazepam.classes().set(0.9).classes();
        assertTrue(at90.containsAll(at80), "a more confident set holds at least the classes of a less confident one: "
                + at80 + " / " + at90);

        Table test = results.testPredictions(best);
        for (String column : List.of("probability", "predicted_class", "set_80", "set_90", "in_domain")) {
            assertTrue(test.containsColumn(column), test.columnNames().toString());
        }
        int covered = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            String observed = test.numberColumn("observed").getDouble(i) == 1 ? "active" : "inactive";
            String set = test.stringColumn("set_90").isMissing(i) ? "" : test.stringColumn("set_90").get(i);
            covered += java.util.Arrays.asList(set.split("\\|")).contains(observed) ? 1 : 0;
        }
        // a loose bound on 33 compounds: 90% sets that missed most of the test part would be broken
        assertTrue(covered >= 0.7 * test.rowCount(), covered + " of " + test.rowCount() + " covered at 90%");

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = io.qspace.cli.Main.predict(new String[] {"--store", one.toString(), "--best", "sutherland_BZR",
                DIAZEPAM}, new java.io.PrintStream(out, true), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        String[] lines = out.toString().strip().split("\n");
        assertEquals(0, code, out.toString());
        assertEquals("smiles,predicted,lower_80,upper_80,lower_90,upper_90,ad_score,in_domain,probability,"
                + "predicted_class,set_80,set_90,error", lines[1]);
        assertTrue(lines[2].contains("," + calibrated + "," + diazepam.classes().predictedClass() + ","
                + String.join("|", at80) + "," + String.join("|", at90) + ","), lines[2]);
    }

    private static final String DIAZEPAM = "CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21";

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_roc_auc", "cv_pr_auc", "cv_mcc",
                "cv_balanced_accuracy", "cv_f1", "cv_brier", "test_roc_auc", "test_pr_auc", "test_mcc",
                "test_balanced_accuracy", "test_f1", "test_brier", "yrand_roc_auc", "cv_fold_rmse", "class_balance")
                .sortOn("dataset", "feature_set", "builder");
    }
}
