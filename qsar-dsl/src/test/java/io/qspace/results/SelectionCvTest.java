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
        int[] fold = oof.get(0).intColumn("fold").asIntArray();
        double[] nested = new double[observed.length];
        List<Integer> winners = new ArrayList<>();
        for (int f = 1; f <= 4; f++) {
            int winner = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < oof.size(); c++) {
                double sse = 0;
                int n = 0;
                double[] p = oof.get(c).doubleColumn("predicted").asDoubleArray();
                for (int i = 0; i < p.length; i++) {
                    if (fold[i] != f) {
                        sse += (p[i] - observed[i]) * (p[i] - observed[i]);
                        n++;
                    }
                }
                if (Math.sqrt(sse / n) < best) {
                    best = Math.sqrt(sse / n);
                    winner = c;
                }
            }
            winners.add(winner);
            double[] p = oof.get(winner).doubleColumn("predicted").asDoubleArray();
            for (int i = 0; i < p.length; i++) if (fold[i] == f) nested[i] = p[i];
        }
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
        int[] fold = oof.get(0).intColumn("fold").asIntArray();
        double[] nested = new double[observed.length];
        for (int f = 1; f <= 4; f++) {
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
                double auc = ClassificationMetrics.rocAuc(o.stream().mapToDouble(Double::doubleValue).toArray(),
                        q.stream().mapToDouble(Double::doubleValue).toArray());
                if (auc > best) {
                    best = auc;
                    winner = c;
                }
            }
            double[] p = oof.get(winner).doubleColumn("predicted").asDoubleArray();
            for (int i = 0; i < p.length; i++) if (fold[i] == f) nested[i] = p[i];
        }
        Table s = classes.selectionCv();
        assertEquals(List.of("dataset", "model", "candidates", "cv_roc_auc", "selection_cv_roc_auc"), s.columnNames());
        assertEquals(ok.stringColumn("feature_set").get(0) + "/" + ok.stringColumn("builder").get(0),
                s.stringColumn("model").get(0));
        assertEquals(ok.doubleColumn("cv_roc_auc").get(0), s.doubleColumn("cv_roc_auc").get(0), 1e-12);
        assertEquals(ClassificationMetrics.rocAuc(observed, nested), s.doubleColumn("selection_cv_roc_auc").get(0),
                1e-9);
    }

    @Test
    void oneSlotAndFourGiveTheSameNumbers() {
        assertEquals(four.selectionCv().print(), one.selectionCv().print());
    }
}
