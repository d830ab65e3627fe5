package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.plan.Prepared;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.select.FeatureSet;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import io.qspace.store.ObjectStores;
import io.qspace.validate.CorrectedTTest;
import io.qspace.validate.FoldRmse;
import io.qspace.validate.Metrics;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Issue 11: supervised selection inside the CV folds, out-of-fold predictions, repeated CV, winner vs runner-up. */
class HonestValidationTest {
    private static final String BZR = "sutherland_BZR";

    @TempDir
    Path store;

    /**
     * Chooses the k descriptors most correlated with activity, and notes how many activities it was given: one
     * selection on the whole training part, then one per CV fold on the fold's training rows.
     */
    record CountingSelector(int k) implements Selector {
        static final List<Integer> ACTIVITIES = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "counted" + k;
        }

        @Override
        public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
            ACTIVITIES.add(y.length);
            FeatureSet top = Selectors.topCorrelated(k).select(x, y, candidates, context, seed);
            return new FeatureSet(name(), top.columns(), top.names());
        }
    }

    private Study bzr(String name) {
        return SampleData.quickStudy(name, store)
                .selectors(Selectors.filtered(), Selectors.topCorrelated(5, 10), Selectors.stepwise())
                .builders(Builders.pls().components(2, 3), Builders.knn().k(3, 5), Builders.randomForest().trees(10));
    }

    @Test
    void insideFoldsIsNoMoreOptimisticThanSelectionBeforeCv() {
        Study honest = bzr("honest");
        Results inside = honest.run();
        Results before = honest.validation(Validation.kFold(3).selectionBeforeCv()).run();

        assertEquals(Set.of("inside-folds"), Set.copyOf(inside.table().stringColumn("selection").asList()));
        assertEquals(Set.of("before-cv"), Set.copyOf(before.table().stringColumn("selection").asList()));
        assertEquals("inside-folds", inside.leaderboard().stringColumn("selection").get(0));

        Table paper = before.table();
        Map<String, Integer> paperRow = byModel(paper);
        int supervisedDiffer = 0;
        Table t = inside.table();
        for (int i = 0; i < t.rowCount(); i++) {
            String key = t.stringColumn("feature_set").get(i) + "/" + t.stringColumn("builder").get(i);
            int other = paperRow.get(key);
            double cv = t.doubleColumn("cv_rmse").get(i);
            if (t.stringColumn("feature_set").get(i).equals("filtered")) {
                assertEquals(paper.doubleColumn("cv_rmse").get(other), cv, 0.0,
                        key + ": an unsupervised feature set is cross-validated the same way in both modes");
            } else if (cv != paper.doubleColumn("cv_rmse").get(other)) {
                supervisedDiffer++;
            }
            if (t.stringColumn("parameters").get(i).equals(paper.stringColumn("parameters").get(other))) {
                assertEquals(paper.doubleColumn("test_rmse").get(other), t.doubleColumn("test_rmse").get(i), 0.0,
                        key + ": the final model uses the selection on the whole training part in both modes");
            }
        }
        assertTrue(supervisedDiffer > 0, "supervised feature sets must be scored differently inside the folds");
        double chosenInside = inside.leaderboard().doubleColumn("cv_rmse").get(0);
        double chosenBefore = before.leaderboard().doubleColumn("cv_rmse").get(0);
        assertTrue(chosenInside >= chosenBefore, "the chosen model's CV RMSE inside the folds (" + chosenInside
                + ") must not be more optimistic than with selection before CV (" + chosenBefore + ")");

        Prepared prepared = Prepared.load(ObjectStores.open(honest.plan().storeUri()),
                honest.plan().roots().get(0).id());
        assertEquals(List.of("top5-correlated", "top10-correlated", "stepwise"), prepared.foldSelected());
        assertTrue(prepared.foldSelectionSeconds() > 0 && prepared.foldSelectionSeconds() < prepared.seconds());
        Prepared paperPrepared = Prepared.load(ObjectStores.open(honest.plan().storeUri()),
                honest.validation(Validation.kFold(3).selectionBeforeCv()).plan().roots().get(0).id());
        assertEquals(List.of(), paperPrepared.foldSelected());
    }

    /** Row numbers by "feature set/builder" (Tablesaw rows are cursors: keep numbers, not Row objects). */
    private static Map<String, Integer> byModel(Table t) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            out.put(t.stringColumn("feature_set").get(i) + "/" + t.stringColumn("builder").get(i), i);
        }
        return out;
    }

    @Test
    void foldSelectionsAreStoredSoOneMoreBuilderReRunsNoSelector() {
        Study study = SampleData.quickStudy("counted", store).selectors(new CountingSelector(5))
                .builders(Builders.pls().components(2));
        CountingSelector.ACTIVITIES.clear();
        Results first = study.run();
        int train = first.table().intColumn("n_train").get(0);
        List<Integer> sizes = new ArrayList<>(CountingSelector.ACTIVITIES);
        assertEquals(1 + 3, sizes.size(), "one selection on the training part and one per fold: " + sizes);
        assertEquals(train, sizes.get(0));
        assertEquals(2 * train, sizes.subList(1, 4).stream().mapToInt(Integer::intValue).sum(),
                "each fold's selection sees its training rows only: " + sizes);

        Results more = study.addBuilders(Builders.knn().k(3)).run();
        assertEquals(2, more.executed(), "only the new builder's build and test run");
        assertEquals(4, CountingSelector.ACTIVITIES.size(), "no selector ran again: " + CountingSelector.ACTIVITIES);

        CountingSelector.ACTIVITIES.clear();
        study.validation(Validation.kFold(3).selectionBeforeCv()).run();
        assertEquals(List.of(train), CountingSelector.ACTIVITIES, "before CV the selector runs once");
    }

    @Test
    void outOfFoldPredictionsRepeatedFoldsAndTheRunnerUpTest() {
        Results results = SampleData.quickStudy("repeated", store)
                .validation(Validation.kFold(3).repeated(2)).run();
        StoredModel best = results.best(BZR);
        Table oof = results.outOfFold(best);
        int train = best.provenance().trainSize();
        assertEquals(List.of("id", "repeat", "fold", "observed", "predicted"), oof.columnNames());
        assertEquals(2 * train, oof.rowCount(), "every training compound once per repeat");
        assertEquals(Set.of(1, 2), Set.copyOf(oof.intColumn("repeat").asList()));
        assertEquals(Set.of(1, 2, 3), Set.copyOf(oof.intColumn("fold").asList()));
        assertEquals(train, oof.stringColumn("id").unique().size());
        assertEquals(best.provenance().cvRmse(), Metrics.rmse(oof.doubleColumn("observed").asDoubleArray(),
                oof.doubleColumn("predicted").asDoubleArray()), 1e-12, "the CV RMSE is over every repeat");
        double[][] foldRmse = FoldRmse.parse(best.provenance().cvFoldRmse());
        assertEquals(2, foldRmse.length);
        assertEquals(3, foldRmse[0].length);

        Table ranked = results.table().where(results.table().stringColumn("status").isEqualTo("ok"))
                .sortOn("cv_rmse");
        double expected = CorrectedTTest.pValue(FoldRmse.parse(ranked.stringColumn("cv_fold_rmse").get(0)),
                FoldRmse.parse(ranked.stringColumn("cv_fold_rmse").get(1)));
        double p = results.leaderboard().doubleColumn("vs_runner_up_p").get(0);
        assertEquals(expected, p, 0.0);
        assertTrue(p >= 0 && p <= 1, "p " + p);
        assertEquals(p >= 0.05, results.leaderboardNotes().stream().anyMatch(n -> n.startsWith(BZR + ":")),
                results.leaderboardNotes().toString());
        assertEquals(p >= 0.05, results.toString().contains("not significantly better"));
    }

    @Test
    void modelsOfADatasetShareTheirFolds() {
        Results results = SampleData.quickStudy("shared", store).run();
        Table ok = results.table();
        List<String> ids = null;
        List<Integer> folds = null;
        for (Row row : ok) {
            Table oof = results.outOfFold(StoredModel.load(results.store(), row.getString("model")));
            if (folds == null) {
                ids = oof.stringColumn("id").asList();
                folds = oof.intColumn("fold").asList();
            } else {
                assertEquals(ids, oof.stringColumn("id").asList());
                assertEquals(folds, oof.intColumn("fold").asList(), row.getString("feature_set") + " / "
                        + row.getString("builder") + " was cross-validated on other folds");
            }
        }
        assertFalse(folds == null);
        assertNotEquals(0, ok.rowCount());
    }
}
