package io.qspace.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.model.Params;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.select.Selectors;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import io.qspace.validate.ClassificationMetrics;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The consensus of a classification study on the sample BZR set thresholded at pIC50 >= 7, with real parts: the top-3
 * consensus and the consensus of all, each run on the embedded runner with 4 slots and with 1, its CV recomputed from
 * its candidates' stored out-of-fold probabilities, and the stored model read back through a new store instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationConsensusTest {
    @TempDir
    static Path dir;
    private Results topFour;
    private Results topOne;
    private Results allFour;
    private Results allOne;

    private static final String DATASET = "sutherland_BZR";
    private static final List<String> SMILES = List.of("CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21",
            "c1ccccc1C(=O)N", "not a smiles");

    static Study study(String name, Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named(name)
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id")
                        .activity("pIC50").activeAtLeast(7))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.topCorrelated(10), Selectors.fingerprints())
                .builders(Builders.mlr(), Builders.pls().components(2, 3), Builders.knn().k(5),
                        Builders.tree().maxDepth(3))
                .validation(Validation.kFold(3))
                .seed(7)
                .store(store.toString());
    }

    @BeforeAll
    void run() {
        // the consensus of all reuses the top-3 study's builds and tests in the same store: only it runs anew
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            topFour = runner.submit(study("top3", dir.resolve("four")).consensus(3).plan(), ProgressListener.none())
                    .await();
            allFour = runner.submit(study("all", dir.resolve("four")).consensusOfAll().plan(), ProgressListener.none())
                    .await();
        }
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            topOne = runner.submit(study("top3", dir.resolve("one")).consensus(3).plan(), ProgressListener.none())
                    .await();
            allOne = runner.submit(study("all", dir.resolve("one")).consensusOfAll().plan(), ProgressListener.none())
                    .await();
        }
    }

    private static Table consensusRows(Results r) {
        Table t = r.table();
        return t.where(t.stringColumn("builder").isEqualTo("consensus"));
    }

    private static Table singles(Results r) {
        Table t = r.table();
        return t.where(t.stringColumn("status").isEqualTo("ok").and(t.stringColumn("builder").isNotEqualTo("consensus")));
    }

    /** Each single model's stored out-of-fold probabilities of class 1, in the order of the rows of singles(r). */
    private static List<OutOfFold> outOfFold(Results r) {
        Table singles = singles(r);
        List<OutOfFold> out = new ArrayList<>();
        for (int c = 0; c < singles.rowCount(); c++) {
            out.add(OutOfFold.parse(r.store(), singles.stringColumn("build").get(c)));
        }
        return out;
    }

    @Test
    void theTopThreeConsensusIsAClassifierRowWhoseMembersAreTheTopThreeByCvRocAuc() {
        Table row = consensusRows(topFour);
        assertEquals(1, row.rowCount(), topFour.table().print(40));
        assertEquals("ok", row.stringColumn("status").get(0), row.stringColumn("error").get(0));
        assertEquals("top-3", row.stringColumn("feature_set").get(0));
        assertEquals("roc_auc", row.stringColumn("chosen_by").get(0));
        for (String column : List.of("cv_roc_auc", "cv_pr_auc", "cv_mcc", "cv_balanced_accuracy", "cv_f1", "cv_brier",
                "test_roc_auc", "test_pr_auc", "test_mcc", "test_balanced_accuracy", "test_f1", "test_brier")) {
            assertFalse(row.doubleColumn(column).isMissing(0), column);
        }
        assertEquals(singles(topFour).stringColumn("class_balance").get(0), row.stringColumn("class_balance").get(0));
        Params p = Params.parse("consensus", row.stringColumn("parameters").get(0));
        assertEquals(3, p.getInt("k"));
        // ranked by ROC-AUC, highest first: on all folds a candidate's ranking score is its own CV ROC-AUC
        Table byAuc = singles(topFour).sortDescendingOn("cv_roc_auc");
        assertEquals(8, byAuc.rowCount(), "2 feature sets x 4 builders");
        List<String> members = List.of(p.getString("members").split(" \\+ "));
        for (int i = 0; i < 3; i++) {
            assertEquals(byAuc.stringColumn("feature_set").get(i) + "/" + byAuc.stringColumn("builder").get(i),
                    members.get(i), byAuc.print());
        }
    }

    @Test
    void theTopThreeCvRocAucIsTheNestedScoreRecomputedFromTheCandidatesStoredOutOfFoldProbabilities() {
        List<OutOfFold> oof = outOfFold(topFour);
        double[] observed = oof.get(0).observed();
        int[] fold = oof.get(0).folds()[0];
        int n = observed.length;
        // the nested procedure written out plainly: for each held-out fold, the top 3 by ROC-AUC on the other rows
        double[] nested = new double[n];
        for (int f = 0; f <= Arrays.stream(fold).max().getAsInt(); f++) {
            final int held = f;
            List<Integer> ranked = new ArrayList<>();
            for (int c = 0; c < oof.size(); c++) ranked.add(c);
            ranked.sort(Comparator.<Integer>comparingDouble(c -> -rocAucOn(observed, List.of(c), oof, fold, held))
                    .thenComparingInt(c -> c));
            for (int i = 0; i < n; i++) {
                if (fold[i] == held) nested[i] = meanOf(ranked.subList(0, 3), oof, i);
            }
        }
        Table row = consensusRows(topFour);
        assertEquals(ClassificationMetrics.rocAuc(observed, nested), row.doubleColumn("cv_roc_auc").get(0), 1e-12);
        assertEquals(ClassificationMetrics.brier(observed, nested), row.doubleColumn("cv_brier").get(0), 1e-12);
        // the plain score of the final members is in the parameters: the ROC-AUC of the mean of their probabilities
        StoredModel consensus = StoredModel.load(topFour.store(), row.stringColumn("model").get(0));
        double[] plain = new double[n];
        for (StoredModel m : consensus.members()) {
            double[] p = OutOfFold.parse(topFour.store(), m.provenance().build()).predicted()[0];
            for (int i = 0; i < n; i++) plain[i] += p[i] / consensus.members().size();
        }
        assertEquals(ClassificationMetrics.rocAuc(observed, plain),
                Params.parse("consensus", row.stringColumn("parameters").get(0)).getDouble("plain_cv_roc_auc"), 1e-4);
        // its own out-of-fold probabilities are stored like any classifier's
        Table stored = topFour.outOfFold(consensus);
        assertEquals(n, stored.rowCount());
        for (int i = 0; i < n; i++) {
            assertEquals(nested[i], stored.doubleColumn("predicted").get(i), 1e-12);
        }
    }

    @Test
    void theConsensusOfAllsCvRocAucIsThatOfTheMeanOfEveryCandidatesStoredOutOfFoldProbabilities() {
        List<OutOfFold> oof = outOfFold(allFour);
        double[] observed = oof.get(0).observed();
        List<Integer> every = new ArrayList<>();
        for (int c = 0; c < oof.size(); c++) every.add(c);
        double[] mean = new double[observed.length];
        for (int i = 0; i < mean.length; i++) mean[i] = meanOf(every, oof, i);
        Table row = consensusRows(allFour);
        assertEquals("all-8", row.stringColumn("feature_set").get(0));
        assertEquals(ClassificationMetrics.rocAuc(observed, mean), row.doubleColumn("cv_roc_auc").get(0), 1e-12);
        assertEquals(ClassificationMetrics.prAuc(observed, mean), row.doubleColumn("cv_pr_auc").get(0), 1e-12);
        assertEquals(ClassificationMetrics.mcc(observed, mean), row.doubleColumn("cv_mcc").get(0), 1e-12);
        // its test part: the ranking measures on the mean of the members' test probabilities
        StoredModel consensus = allFour.best(DATASET);
        Table test = allFour.testPredictions(consensus);
        double[] yTest = test.numberColumn("observed").asDoubleArray();
        double[] testMean = new double[yTest.length];
        for (StoredModel m : consensus.members()) {
            double[] p = allFour.testPredictions(m).numberColumn("predicted").asDoubleArray();
            for (int i = 0; i < yTest.length; i++) testMean[i] += p[i] / consensus.members().size();
        }
        assertEquals(ClassificationMetrics.rocAuc(yTest, testMean), row.doubleColumn("test_roc_auc").get(0), 1e-12);
        for (int i = 0; i < yTest.length; i++) {
            assertEquals(testMean[i], test.numberColumn("predicted").getDouble(i), 1e-12);
        }
        for (String column : List.of("probability", "predicted_class", "set_80", "set_90", "in_domain")) {
            assertTrue(test.containsColumn(column), test.columnNames().toString());
        }
    }

    @Test
    void theConsensusOfAllIsTheChosenModelOfTheClassification() {
        assertEquals(Results.ALWAYS, allFour.summary().get(Results.CONSENSUS_CHOICE));
        StoredModel chosen = allFour.best(DATASET);
        assertTrue(chosen.isConsensus() && chosen.classifies(), chosen.toString());
        assertEquals(8, chosen.members().size());
        Table board = allFour.leaderboard();
        assertEquals(1, board.rowCount());
        assertEquals("consensus", board.stringColumn("builder").get(0));
        assertEquals(consensusRows(allFour).doubleColumn("cv_roc_auc").get(0), board.doubleColumn("cv_roc_auc").get(0));
        assertTrue(board.columnNames().contains("test_roc_auc") && board.columnNames().contains("chosen_by"),
                "a classification's leaderboard: " + board.columnNames());
        // by CV, the top-3 study's chosen model is its row of highest CV ROC-AUC, the consensus among the candidates
        Table ok = topFour.table().where(topFour.table().stringColumn("status").isEqualTo("ok"))
                .sortDescendingOn("cv_roc_auc");
        assertEquals(ok.doubleColumn("cv_roc_auc").get(0), topFour.best(DATASET).provenance().cvClasses().rocAuc(), 0);
    }

    @Test
    void itPredictsAProbabilityAndPredictionSetsForNewStructuresFromANewStore() {
        for (Results results : List.of(topFour, allFour)) {
            Table row = consensusRows(results);
            StoredModel consensus = StoredModel.load(ObjectStores.open(dir.resolve("four").toString()),
                    row.stringColumn("model").get(0));
            assertTrue(consensus.isConsensus() && consensus.classifies() && consensus.hasIntervals(),
                    consensus.toString());
            List<Prediction> predictions = consensus.predict(SMILES, 0.8, 0.9);
            for (int i = 0; i < 2; i++) {
                Prediction p = predictions.get(i);
                double mean = 0;
                for (StoredModel m : consensus.members()) mean += m.predict(SMILES.get(i)).value();
                mean /= consensus.members().size();
                assertEquals(mean, p.value(), 1e-12, "the mean of the members' probabilities");
                assertTrue(p.value() >= 0 && p.value() <= 1, "a raw probability: " + p.value());
                assertTrue(p.classifies(), SMILES.get(i));
                double calibrated = p.classes().probability();
                assertTrue(calibrated > 0 && calibrated < 1, "a Platt probability: " + calibrated);
                assertEquals(calibrated >= 0.5 ? "active" : "inactive", p.classes().predictedClass());
                List<String> at80 = p.classes().set(0.8).classes();
                List<String> at90 = p.classes().set(0.9).classes();
                assertTrue(at90.containsAll(at80), at80 + " / " + at90);
                // Mondrian sets from the consensus's own calibration, on the mean raw probability
                assertEquals(consensus.classCalibration().set(p.value(), 0.9), at90);
                assertTrue(List.of("inactive", "active").containsAll(at90), at90.toString());
            }
            assertTrue(Double.isNaN(predictions.get(2).value()));
            assertFalse(predictions.get(2).error().isEmpty(), "a structure that does not parse says why");
        }
    }

    @Test
    void oneSlotAndFourGiveTheSameNumbers() {
        for (Results[] pair : List.of(new Results[] {topOne, topFour}, new Results[] {allOne, allFour})) {
            Table a = consensusRows(pair[0]);
            Table b = consensusRows(pair[1]);
            assertEquals(1, a.rowCount());
            for (String column : List.of("feature_set", "parameters", "cv_roc_auc", "cv_pr_auc", "cv_mcc", "cv_brier",
                    "test_roc_auc", "test_mcc", "test_brier", "cv_fold_rmse", "invocation")) {
                assertEquals(a.column(column).getString(0), b.column(column).getString(0), column);
            }
            ObjectStore oneStore = pair[0].store();
            ObjectStore fourStore = pair[1].store();
            double oneP = StoredModel.load(oneStore, a.stringColumn("model").get(0)).predict(SMILES.get(0)).value();
            double fourP = StoredModel.load(fourStore, b.stringColumn("model").get(0)).predict(SMILES.get(0)).value();
            assertEquals(oneP, fourP, 0);
        }
    }

    private static double rocAucOn(double[] y, List<Integer> members, List<OutOfFold> oof, int[] fold, int held) {
        List<Double> obs = new ArrayList<>();
        List<Double> pred = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (fold[i] != held) {
                obs.add(y[i]);
                pred.add(meanOf(members, oof, i));
            }
        }
        return ClassificationMetrics.rocAuc(obs.stream().mapToDouble(Double::doubleValue).toArray(),
                pred.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double meanOf(List<Integer> members, List<OutOfFold> oof, int i) {
        double s = 0;
        for (int c : members) s += oof.get(c).predicted()[0][i];
        return s / members.size();
    }
}
