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
        assertEquals(List.of("gbm", "knn", "logistic", "mlp", "pls-da", "rf", "svm", "tree"),
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

        assertEquals(numbers(table).print(), numbers(b.table()).print(), "1 and 4 slots give the same numbers");
    }

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_roc_auc", "cv_pr_auc", "cv_mcc",
                "cv_balanced_accuracy", "cv_f1", "cv_brier", "test_roc_auc", "test_pr_auc", "test_mcc",
                "test_balanced_accuracy", "test_f1", "test_brier", "yrand_roc_auc", "cv_fold_rmse", "class_balance")
                .sortOn("dataset", "feature_set", "builder");
    }
}
