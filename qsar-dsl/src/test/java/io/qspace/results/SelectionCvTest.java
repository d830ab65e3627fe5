package io.qspace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.select.Selectors;
import io.qspace.validate.Metrics;
import io.qspace.validate.ClassificationMetrics;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The honest CV of "pick the best by CV" ({@link Results#selectionCv()}), on a real study of the sample data run on
 * 4 slots and on 1, recomputed here by hand from the stored out-of-fold predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionCvTest {
    @TempDir
    static Path dir;
    private Results four;
    private Results one;

    static Study study(Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("selection-cv")
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.topCorrelated(10), Selectors.fingerprints())
                .builders(Builders.pls().components(2, 3), Builders.knn().k(3, 5), Builders.tree())
                .validation(Validation.kFold(4))
                .seed(11)
                .store(store.toString());
    }

    @BeforeAll
    void run() {
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            four = runner.submit(study(dir.resolve("four")).plan(), ProgressListener.none()).await();
        }
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            one = runner.submit(study(dir.resolve("one")).plan(), ProgressListener.none()).await();
        }
    }

    @Test
    void eachHeldOutFoldIsPredictedByTheWinnerPickedOnTheOtherFolds() {
        Table ok = four.table().where(four.table().stringColumn("status").isEqualTo("ok")).sortOn("cv_rmse");
        List<Table> oof = new ArrayList<>();
        for (int c = 0; c < ok.rowCount(); c++) {
            oof.add(four.outOfFold(StoredModel.load(four.store(), ok.stringColumn("model").get(c))));
        }
        double[] observed = oof.get(0).doubleColumn("observed").asDoubleArray();
        List<Integer> winners = new ArrayList<>();
        // each fold's winner: the lowest RMSE on the other folds' rows, computed here by hand
        double[] nested = nested(oof, 4, (o, q) -> {
            double sse = 0;
            for (int i = 0; i < o.length; i++) {
                sse += (q[i] - o[i]) * (q[i] - o[i]);
            }
            return -Math.sqrt(sse / o.length);
        }, winners);
        Table s = four.selectionCv();
        assertEquals(1, s.rowCount());
        assertEquals("sutherland_BZR", s.stringColumn("dataset").get(0));
        assertEquals(6, s.intColumn("candidates").get(0), "2 feature sets x 3 builders");
        assertEquals(ok.stringColumn("feature_set").get(0) + "/" + ok.stringColumn("builder").get(0),
                s.stringColumn("model").get(0));
        assertEquals(ok.doubleColumn("cv_rmse").get(0), s.doubleColumn("cv_rmse").get(0), 1e-12);
        assertEquals(Metrics.rmse(observed, nested), s.doubleColumn("selection_cv_rmse").get(0), 1e-9,
                "winners per fold " + winners);
        assertNotEquals(s.doubleColumn("cv_rmse").get(0), s.doubleColumn("selection_cv_rmse").get(0),
                "the plain CV of the winner is not the CV of picking it");
    }

    /**
     * A classification chooses by ROC-AUC, and so does the CV of its choice: each fold's winner has the best ROC-AUC
     * on the other folds' out-of-fold probabilities, the pooled nested probabilities are scored by ROC-AUC.
     */
    @Test
    void aClassificationIsScoredByTheMetricThatChoseIt() {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        Results classes = Study.named("selection-cv-classes")
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id").activity("pIC50")
                        .activeAtLeast(7))
                .descriptors(Descriptors.cdkDefault())
                .selectors(Selectors.topCorrelated(10))
                .builders(Builders.pls().components(2, 3), Builders.knn().k(5), Builders.tree())
                .validation(Validation.kFold(4))
                .noConsensus() // the single models' pick, recomputed by hand below
                .seed(11)
                .store(dir.resolve("classes").toString())
                .run();
        Table ok = classes.table().where(classes.table().stringColumn("status").isEqualTo("ok"))
                .sortDescendingOn("cv_roc_auc");
        List<Table> oof = new ArrayList<>();
        for (int c = 0; c < ok.rowCount(); c++) {
            oof.add(classes.outOfFold(StoredModel.load(classes.store(), ok.stringColumn("model").get(c))));
        }
        double[] observed = oof.get(0).doubleColumn("observed").asDoubleArray();
        double[] nested = nested(oof, 4, ClassificationMetrics::rocAuc, new ArrayList<>());
        Table s = classes.selectionCv();
        assertEquals(List.of("dataset", "model", "candidates", "cv_roc_auc", "selection_cv_roc_auc"), s.columnNames());
        assertEquals(ok.stringColumn("feature_set").get(0) + "/" + ok.stringColumn("builder").get(0),
                s.stringColumn("model").get(0));
        assertEquals(ok.doubleColumn("cv_roc_auc").get(0), s.doubleColumn("cv_roc_auc").get(0), 1e-12);
        assertEquals(ClassificationMetrics.rocAuc(observed, nested), s.doubleColumn("selection_cv_roc_auc").get(0),
                1e-9);
    }

    /**
     * Each held-out fold predicted by the candidate with the highest score (observed, predicted) on the other folds'
     * out-of-fold rows, the first on a tie; the winners are added to winners, fold by fold.
     */
    private static double[] nested(List<Table> oof, int folds, ToDoubleBiFunction<double[], double[]> score,
                                   List<Integer> winners) {
        double[] observed = oof.get(0).doubleColumn("observed").asDoubleArray();
        int[] fold = oof.get(0).intColumn("fold").asIntArray();
        double[] nested = new double[observed.length];
        for (int f = 1; f <= folds; f++) {
            int winner = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < oof.size(); c++) {
                double[] p = oof.get(c).doubleColumn("predicted").asDoubleArray();
                List<Double> o = new ArrayList<>();
                List<Double> q = new ArrayList<>();
                for (int i = 0; i < p.length; i++) {
                    if (fold[i] != f) {
                        o.add(observed[i]);
                        q.add(p[i]);
                    }
                }
                double value = score.applyAsDouble(o.stream().mapToDouble(Double::doubleValue).toArray(),
                        q.stream().mapToDouble(Double::doubleValue).toArray());
                if (value > best) {
                    best = value;
                    winner = c;
                }
            }
            winners.add(winner);
            double[] p = oof.get(winner).doubleColumn("predicted").asDoubleArray();
            for (int i = 0; i < p.length; i++) if (fold[i] == f) nested[i] = p[i];
        }
        return nested;
    }

    @Test
    void oneSlotAndFourGiveTheSameNumbers() {
        assertEquals(four.selectionCv().print(), one.selectionCv().print());
    }
}
