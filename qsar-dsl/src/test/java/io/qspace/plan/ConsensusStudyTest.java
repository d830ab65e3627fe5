package io.qspace.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.model.ParamGrid;
import io.qspace.model.Params;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.select.Selectors;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import io.qspace.validate.Metrics;
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
 * The consensus of a study on the sample data, with real parts: a study run on the embedded runner with 4 slots and
 * with 1, a builder that always fails among the candidates (so the join also hears of failures), and the stored model
 * read back through a new store instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsensusStudyTest {
    @TempDir
    static Path dir;
    private Results four;
    private Results one;

    /** A builder whose every fit fails: its builds fail, and the consensus must still come after them. */
    private static final ModelBuilder FAILS = ModelBuilder.of("always-fails", ParamGrid.of("p", 1), (x, y, seed, p) -> {
        throw new IllegalStateException("this builder always fails");
    });

    static Study study(Path store) {
        return study("consensus", store);
    }

    static Study study(String name, Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named(name)
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.topCorrelated(10), Selectors.fingerprints())
                .builders(Builders.pls().components(2, 3), Builders.knn().k(3, 5), Builders.tree(), FAILS)
                .validation(Validation.kFold(3))
                .consensus(2, 3, 10)
                .seed(5)
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

    private static Table consensusRows(Results r) {
        Table t = r.table();
        return t.where(t.stringColumn("builder").isEqualTo("consensus"));
    }

    @Test
    void oneConsensusRowPerDatasetListsItsMembersAfterEveryOtherModelEnded() {
        Table rows = consensusRows(four);
        assertEquals(1, rows.rowCount(), four.table().print(40));
        assertEquals("ok", rows.stringColumn("status").get(0));
        assertEquals(2, four.failures().rowCount(), "the failing builder on both feature sets: " + four.failures().print());
        Params p = Params.parse("consensus", rows.stringColumn("parameters").get(0));
        int k = p.getInt("k");
        List<String> members = List.of(p.getString("members").split(" \\+ "));
        assertEquals(k, members.size(), rows.stringColumn("parameters").get(0));
        assertEquals("top-" + k, rows.stringColumn("feature_set").get(0));
        // the members are the top k single models by CV
        Table singles = four.table().where(four.table().stringColumn("status").isEqualTo("ok")
                .and(four.table().stringColumn("builder").isNotEqualTo("consensus"))).sortOn("cv_rmse");
        assertEquals(6, singles.rowCount(), "2 feature sets x 3 builders that work");
        assertTrue(k >= 2 && k <= 3, "10 is more than the 6 candidates, so k is 2 or 3: " + k);
        for (int i = 0; i < k; i++) {
            assertEquals(singles.stringColumn("feature_set").get(i) + "/" + singles.stringColumn("builder").get(i),
                    members.get(i));
        }
    }

    @Test
    void itsCvIsTheNestedScoreRecomputedFromTheMembersStoredOutOfFoldPredictions() {
        ObjectStore store = four.store();
        Table singles = four.table().where(four.table().stringColumn("status").isEqualTo("ok")
                .and(four.table().stringColumn("builder").isNotEqualTo("consensus")));
        List<double[]> oof = new ArrayList<>();
        List<int[]> folds = new ArrayList<>();
        double[] observed = null;
        for (int c = 0; c < singles.rowCount(); c++) {
            OutOfFold o = OutOfFold.parse(store, singles.stringColumn("build").get(c));
            oof.add(o.predicted()[0]);
            folds.add(o.folds()[0]);
            observed = o.observed();
        }
        int n = observed.length;
        int[] fold = folds.get(0);
        int foldCount = Arrays.stream(fold).max().getAsInt() + 1;
        // the nested procedure written out plainly: for each held-out fold, rank and choose k on the other rows
        double[] nested = new double[n];
        for (int f = 0; f < foldCount; f++) {
            final int held = f;
            final double[] y = observed;
            boolean[] inner = new boolean[n];
            for (int i = 0; i < n; i++) inner[i] = fold[i] != held;
            List<Integer> ranked = new ArrayList<>();
            for (int c = 0; c < oof.size(); c++) ranked.add(c);
            ranked.sort(Comparator.<Integer>comparingDouble(c -> rmseOn(y, List.of(c), oof, inner))
                    .thenComparingInt(c -> c));
            List<Integer> best = null;
            double bestRmse = Double.POSITIVE_INFINITY;
            for (int k : List.of(2, 3)) {
                double e = rmseOn(y, ranked.subList(0, k), oof, inner);
                if (e < bestRmse) {
                    bestRmse = e;
                    best = ranked.subList(0, k);
                }
            }
            for (int i = 0; i < n; i++) {
                if (fold[i] == held) nested[i] = meanOf(best, oof, i);
            }
        }
        Table row = consensusRows(four);
        assertEquals(Metrics.rmse(observed, nested), row.doubleColumn("cv_rmse").get(0), 1e-9);
        assertEquals(Metrics.q2(observed, nested), row.doubleColumn("cv_q2").get(0), 1e-9);
        // its own out-of-fold predictions are stored like any model's
        StoredModel consensus = StoredModel.load(store, row.stringColumn("model").get(0));
        Table stored = four.outOfFold(consensus);
        assertEquals(n, stored.rowCount());
        assertEquals(nested[0], stored.doubleColumn("predicted").get(0), 1e-12);
    }

    @Test
    void itsTestPredictionsAreTheMeanOfItsMembersAndItPredictsNewStructuresFromANewStore() {
        Table row = consensusRows(four);
        ObjectStore fresh = ObjectStores.open(dir.resolve("four").toString());
        StoredModel consensus = StoredModel.load(fresh, row.stringColumn("model").get(0));
        assertTrue(consensus.isConsensus());
        List<StoredModel> members = consensus.members();
        Params p = Params.parse("consensus", row.stringColumn("parameters").get(0));
        assertEquals(p.getInt("k"), members.size());

        Table test = four.testPredictions(consensus);
        double[] observed = test.doubleColumn("observed").asDoubleArray();
        double[] mean = new double[observed.length];
        for (StoredModel m : members) {
            double[] predicted = four.testPredictions(m).doubleColumn("predicted").asDoubleArray();
            for (int i = 0; i < mean.length; i++) mean[i] += predicted[i] / members.size();
        }
        assertEquals(Metrics.rmse(observed, mean), row.doubleColumn("test_rmse").get(0), 1e-9);

        List<String> smiles = List.of("c1ccccc1C(=O)N", "CC1=NN(C(=O)C1)c1ccccc1", "not a smiles");
        List<Prediction> byConsensus = consensus.predict(smiles);
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (StoredModel m : members) sum += m.predict(smiles.get(i)).value();
            assertEquals(sum / members.size(), byConsensus.get(i).value(), 1e-9, smiles.get(i));
            // intervals from the consensus's own out-of-fold residuals: one width for every compound
            io.qspace.validate.Interval ninety = byConsensus.get(i).interval(0.9);
            io.qspace.validate.Interval eighty = byConsensus.get(i).interval(0.8);
            assertTrue(ninety.known() && ninety.contains(byConsensus.get(i).value()), ninety.toString());
            assertTrue(ninety.width() >= eighty.width() && eighty.width() > 0, ninety + " vs " + eighty);
            assertEquals(byConsensus.get(0).interval(0.9).width(), ninety.width(), 1e-12);
        }
        assertTrue(Double.isNaN(byConsensus.get(2).value()));
        assertFalse(byConsensus.get(2).error().isEmpty(), "a structure that does not parse says why");
    }

    @Test
    void oneSlotAndFourGiveTheSameNumbers() {
        Table a = consensusRows(one);
        Table b = consensusRows(four);
        for (String column : List.of("feature_set", "parameters", "cv_rmse", "cv_q2", "test_rmse", "cv_fold_rmse",
                "invocation")) {
            assertEquals(a.column(column).getString(0), b.column(column).getString(0), column);
        }
    }

    @Test
    void aSecondRunReusesTheConsensus() {
        try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
            Results again = runner.submit(study(dir.resolve("four")).plan(), ProgressListener.none()).await();
            assertEquals(1, consensusRows(again).rowCount());
            assertEquals(consensusRows(four).doubleColumn("cv_rmse").get(0),
                    consensusRows(again).doubleColumn("cv_rmse").get(0));
            assertEquals(0, again.executed(), "nothing but the failing builds runs again");
            assertEquals(2, again.failed());
        }
    }

    @Test
    void consensusAlwaysMakesTheConsensusTheChosenModelWhateverTheSinglesCv() {
        Results always;
        try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
            always = runner.submit(study("consensus-always", dir.resolve("four")).consensusAlways(2, 3, 10).plan(),
                    ProgressListener.none()).await();
        }
        assertEquals("always", always.summary().get(Results.CONSENSUS_CHOICE));
        assertEquals("by-cv", four.summary().get(Results.CONSENSUS_CHOICE));
        Table consensus = consensusRows(always);
        assertEquals(consensusRows(four).doubleColumn("cv_rmse").get(0), consensus.doubleColumn("cv_rmse").get(0),
                "the same consensus, reused from the store");
        StoredModel chosen = always.best("sutherland_BZR");
        assertTrue(chosen.isConsensus(), chosen.toString());
        assertEquals("consensus", always.leaderboard().stringColumn("builder").get(0));
        assertTrue(always.leaderboard().doubleColumn("vs_runner_up_p").isMissing(0), "no runner-up test for a consensus");
        // the notes speak of the leaderboard's winner: none for a consensus, whatever the best single model's p
        assertEquals(List.of(), always.leaderboardNotes(), "no note for a consensus winner");
        String winner = four.leaderboard().stringColumn("feature_set").get(0) + " / "
                + four.leaderboard().stringColumn("builder").get(0);
        assertTrue(four.leaderboardNotes().stream().allMatch(n -> n.contains("the best model (" + winner + ")")),
                winner + " " + four.leaderboardNotes());
        Table s = always.selectionCv();
        assertEquals(consensus.doubleColumn("cv_rmse").get(0), s.doubleColumn("selection_cv_rmse").get(0), 0);
        // the rule by CV picks the lowest CV of all rows, the consensus's nested CV among them
        Table ok = four.table().where(four.table().stringColumn("status").isEqualTo("ok")).sortOn("cv_rmse");
        assertEquals(ok.doubleColumn("cv_rmse").get(0), four.best("sutherland_BZR").provenance().cvRmse(), 0);
        assertEquals(ok.stringColumn("builder").get(0), four.leaderboard().stringColumn("builder").get(0));
    }

    @Test
    void theConsensusOfAllAveragesEveryModelThatWasMadeAndIsChosen() {
        Results all;
        try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
            all = runner.submit(study("consensus-all", dir.resolve("four")).consensusOfAll().plan(),
                    ProgressListener.none()).await();
        }
        Table row = consensusRows(all);
        Params p = Params.parse("consensus", row.stringColumn("parameters").get(0));
        assertEquals(6, p.getInt("k"), "the 6 models that were made, not the failing builder's");
        assertEquals("all-6", row.stringColumn("feature_set").get(0), "the mean of all 6, not a top 6 by CV");
        StoredModel chosen = all.best("sutherland_BZR");
        assertTrue(chosen.isConsensus());
        Table singles = all.table().where(all.table().stringColumn("status").isEqualTo("ok")
                .and(all.table().stringColumn("builder").isNotEqualTo("consensus")));
        double[] observed = all.testPredictions(chosen).doubleColumn("observed").asDoubleArray();
        double[] mean = new double[observed.length];
        for (int c = 0; c < singles.rowCount(); c++) {
            double[] predicted = all.testPredictions(StoredModel.load(all.store(), singles.stringColumn("model").get(c)))
                    .doubleColumn("predicted").asDoubleArray();
            for (int i = 0; i < mean.length; i++) mean[i] += predicted[i] / singles.rowCount();
        }
        assertEquals(Metrics.rmse(observed, mean), row.doubleColumn("test_rmse").get(0), 1e-9);
        assertEquals(p.getDouble("plain_cv_rmse"), row.doubleColumn("cv_rmse").get(0), 1e-4,
                "nothing is chosen, so the nested CV is the plain one (4 decimals in the parameters)");
    }

    private static double rmseOn(double[] y, List<Integer> members, List<double[]> oof, boolean[] use) {
        double sse = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (use[i]) {
                double e = y[i] - meanOf(members, oof, i);
                sse += e * e;
                count++;
            }
        }
        return Math.sqrt(sse / count);
    }

    private static double meanOf(List<Integer> members, List<double[]> oof, int i) {
        double s = 0;
        for (int c : members) s += oof.get(c)[i];
        return s / members.size();
    }
}
