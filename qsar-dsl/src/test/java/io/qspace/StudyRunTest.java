package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.ModelBuilder;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class StudyRunTest {
    @TempDir
    Path store;

    @Test
    void aStudyRunsEndToEndAndItsBestModelPredicts() {
        Study study = SampleData.quickStudy("quick", store);
        Results results = study.run();

        Table table = results.table();
        // 2 feature sets x 3 builders, every one a model
        assertEquals(6, table.rowCount(), table.print());
        assertTrue(table.stringColumn("status").allMatch("ok"::equals), table.print());
        assertTrue(table.doubleColumn("cv_rmse").asList().stream().allMatch(v -> v > 0 && v < 3), "CV RMSE in pIC50 units");
        assertTrue(table.doubleColumn("test_rmse").asList().stream().allMatch(v -> v > 0 && v < 3));
        assertEquals(List.of("knn", "mlr", "pls"),
                table.stringColumn("builder").unique().asList().stream().sorted().toList());

        Table leaderboard = results.leaderboard();
        assertEquals(1, leaderboard.rowCount());
        double bestCv = table.doubleColumn("cv_rmse").min();
        assertEquals(bestCv, leaderboard.doubleColumn("cv_rmse").get(0), 1e-12, "best is chosen by CV");

        StoredModel best = results.best("sutherland_BZR");
        List<Prediction> predictions = best.predict("c1ccc2c(c1)C(=NCC(=O)N2)c1ccccc1",
                "CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21", "this is not a molecule");
        assertTrue(predictions.get(0).ok() && Double.isFinite(predictions.get(0).value()));
        assertTrue(predictions.get(1).value() > 3 && predictions.get(1).value() < 11, "diazepam's pIC50 is plausible");
        assertFalse(predictions.get(2).ok(), "a bad SMILES is reported, not predicted");
        assertTrue(Double.isNaN(predictions.get(2).value()));

        // the table is stored and reads back the same
        Results again = Results.load(store.toString(), "quick");
        assertEquals(table.print(), again.table().print());
        assertEquals(6 * 2 + 1, results.executed(), "1 prepare + 6 build + 6 test invocations");
    }

    @Test
    void aLambdaSizedBuilderRunsLikeTheBuiltInOnes() {
        ModelBuilder mean = ModelBuilder.of("mean", (x, y, seed) -> {
            double m = Arrays.stream(y).average().orElse(0);
            return row -> m;
        });
        Results results = SampleData.quickStudy("lambda", store).builders(mean).run();
        Table table = results.table();
        assertEquals(2, table.rowCount());
        assertTrue(table.stringColumn("builder").allMatch("mean"::equals));
        // predicting the training mean: Q2 is zero or below, by definition of Q2
        assertTrue(table.doubleColumn("cv_q2").asList().stream().allMatch(q -> q <= 0.05), table.print());
    }
}
