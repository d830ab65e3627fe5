package io.qspace.results;

import io.qspace.plan.ConsensusTask;
import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import io.qspace.validate.Consensus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The chosen model's CV beside an honest CV of the choice. A dataset's best model by CV is the best of many
 * candidates, so its CV RMSE is optimistic (the winner's curse); its {@code selection_cv_rmse} scores the procedure
 * "pick the best by CV" instead, from the candidates' stored out-of-fold predictions without refitting: for each
 * held-out fold, the winner is picked on the other folds' out-of-fold rows and scored on that fold
 * ({@link Consensus} with k = 1). When the chosen model is a consensus, its CV is already nested and is repeated.
 *
 * <p>What stays optimistic: each candidate's grid point was tuned on all folds, and a candidate's out-of-fold
 * predictions on the other folds come from models that saw the held-out fold (as in the consensus's own score).
 */
final class SelectionCv {
    private SelectionCv() {}

    /** One row per dataset with models: dataset, model, candidates, cv_rmse, selection_cv_rmse. */
    static Table of(Table results, ObjectStore store, String study, boolean consensusAlways) {
        Table ok = results.where(results.stringColumn("status").isEqualTo(ResultColumn.OK)).sortOn("dataset", "cv_rmse");
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn model = StringColumn.create("model");
        IntColumn candidates = IntColumn.create("candidates");
        DoubleColumn cv = DoubleColumn.create("cv_rmse");
        DoubleColumn selection = DoubleColumn.create("selection_cv_rmse");
        for (String name : ok.stringColumn("dataset").unique().asList().stream().sorted().toList()) {
            Table rows = ok.where(ok.stringColumn("dataset").isEqualTo(name));
            Table singles = rows.where(rows.stringColumn("builder").isNotEqualTo(ConsensusTask.BUILDER));
            Table consensus = rows.where(rows.stringColumn("builder").isEqualTo(ConsensusTask.BUILDER));
            if (consensusAlways && consensus.rowCount() > 0) {
                rows = consensus; // the chosen model is the consensus
            }
            dataset.append(name);
            model.append(rows.stringColumn("feature_set").get(0) + "/" + rows.stringColumn("builder").get(0));
            candidates.append(singles.rowCount());
            cv.append(rows.doubleColumn("cv_rmse").get(0));
            if (rows.stringColumn("builder").get(0).equals(ConsensusTask.BUILDER)) {
                selection.append(rows.doubleColumn("cv_rmse").get(0));
            } else {
                selection.append(bestSingle(singles, store, study + " " + name));
            }
        }
        Table t = Table.create(study + " selection CV", dataset, model, candidates, cv, selection);
        return t;
    }

    /** The nested RMSE of picking the best single model by CV among the rows (sorted by CV RMSE). */
    static double bestSingle(Table singles, ObjectStore store, String what) {
        if (singles.rowCount() == 1) {
            return singles.doubleColumn("cv_rmse").get(0);
        }
        List<String> ids = null;
        double[] observed = null;
        int[][] folds = null;
        double[][][] predictions = new double[singles.rowCount()][][];
        for (int c = 0; c < singles.rowCount(); c++) {
            String build = singles.stringColumn("build").get(c);
            if (build == null || build.isEmpty()) {
                throw new IllegalStateException(what + ": model " + singles.stringColumn("model").get(c)
                        + " was stored without its build's id (an older qspace): run the study again");
            }
            String key = StoreKeys.outOfFold(build);
            Table oof = Results.readCsv(new String(store.require(key), StandardCharsets.UTF_8),
                    Results.OUT_OF_FOLD_TYPES, key);
            int repeats = (int) oof.intColumn("repeat").max();
            int n = oof.rowCount() / repeats;
            List<String> theseIds = oof.stringColumn("id").asList().subList(0, n);
            int[][] theseFolds = new int[repeats][n];
            double[][] predicted = new double[repeats][n];
            for (int row = 0; row < oof.rowCount(); row++) {
                int r = oof.intColumn("repeat").get(row) - 1;
                theseFolds[r][row % n] = oof.intColumn("fold").get(row) - 1;
                predicted[r][row % n] = oof.doubleColumn("predicted").get(row);
            }
            if (ids == null) {
                ids = theseIds;
                folds = theseFolds;
                observed = new double[n];
                for (int i = 0; i < n; i++) observed[i] = oof.doubleColumn("observed").get(i);
            } else if (!ids.equals(theseIds) || !Arrays.deepEquals(folds, theseFolds)) {
                throw new IllegalStateException(what + ": " + key + " was cross-validated on other rows or folds "
                        + "than the dataset's other models: run the study again");
            }
            predictions[c] = predicted;
        }
        return new Consensus(observed, folds, predictions).score(List.of(1)).cv().rmse();
    }
}
