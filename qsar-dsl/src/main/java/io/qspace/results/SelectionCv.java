package io.qspace.results;

import io.qspace.plan.ConsensusTask;
import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import io.qspace.validate.Consensus;
import io.qspace.validate.Metric;
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
 * candidates, so its CV is optimistic (the winner's curse); its {@code selection_cv_<metric>} scores the procedure
 * "pick the best by CV" instead, from the candidates' stored out-of-fold predictions without refitting: for each
 * held-out fold, the winner is picked on the other folds' out-of-fold rows and scored on that fold
 * ({@link Consensus} with k = 1). The metric is the one that chose the dataset's models (its {@code chosen_by}: RMSE
 * unless the study chose by another, ROC-AUC for a classification), so a study has columns {@code cv_rmse} and
 * {@code selection_cv_rmse}, or {@code cv_roc_auc} and {@code selection_cv_roc_auc}, and so on (NaN for the datasets
 * another metric chose). When the chosen model is a consensus, its CV is already nested and is repeated.
 *
 * <p>What stays optimistic: each candidate's grid point was tuned on all folds, and a candidate's out-of-fold
 * predictions on the other folds come from models that saw the held-out fold (as in the consensus's own score).
 */
final class SelectionCv {
    private SelectionCv() {}

    /** One row per dataset with models: dataset, model, candidates, and cv_ and selection_cv_ per choosing metric. */
    static Table of(Table results, ObjectStore store, String study, boolean consensusAlways) {
        Table ok = results.where(results.stringColumn("status").isEqualTo(ResultColumn.OK));
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn model = StringColumn.create("model");
        IntColumn candidates = IntColumn.create("candidates");
        List<Metric> metricOf = new ArrayList<>();
        List<Double> cvOf = new ArrayList<>();
        List<Double> selectionOf = new ArrayList<>();
        for (String name : ok.stringColumn("dataset").unique().asList().stream().sorted().toList()) {
            Table rows = ok.where(ok.stringColumn("dataset").isEqualTo(name));
            Metric metric = metric(rows);
            rows = sorted(rows, metric);
            Table singles = rows.where(rows.stringColumn("builder").isNotEqualTo(ConsensusTask.BUILDER));
            Table consensus = rows.where(rows.stringColumn("builder").isEqualTo(ConsensusTask.BUILDER));
            if (consensusAlways && consensus.rowCount() > 0) {
                rows = consensus; // the chosen model is the consensus
            }
            String column = "cv_" + metric.label();
            dataset.append(name);
            model.append(rows.stringColumn("feature_set").get(0) + "/" + rows.stringColumn("builder").get(0));
            candidates.append(singles.rowCount());
            metricOf.add(metric);
            cvOf.add(rows.doubleColumn(column).get(0));
            selectionOf.add(rows.stringColumn("builder").get(0).equals(ConsensusTask.BUILDER)
                    ? rows.doubleColumn(column).get(0) : bestSingle(singles, store, study + " " + name, metric));
        }
        Table t = Table.create(study + " selection CV", dataset, model, candidates);
        for (Metric metric : metricOf.stream().distinct().toList()) {
            DoubleColumn cv = DoubleColumn.create("cv_" + metric.label());
            DoubleColumn selection = DoubleColumn.create("selection_cv_" + metric.label());
            for (int i = 0; i < metricOf.size(); i++) {
                cv.append(metricOf.get(i) == metric ? cvOf.get(i) : Double.NaN);
                selection.append(metricOf.get(i) == metric ? selectionOf.get(i) : Double.NaN);
            }
            t.addColumns(cv, selection);
        }
        return t;
    }

    /** The metric that chose a dataset's models: its rows' chosen_by, RMSE for results older than that column. */
    private static Metric metric(Table rows) {
        if (rows.columnNames().contains("chosen_by")) {
            String by = rows.stringColumn("chosen_by").get(0);
            if (by != null && !by.isEmpty()) {
                return Metric.named(by);
            }
        }
        return Metric.RMSE;
    }

    /** Best CV first in the metric's direction, missing values last. */
    private static Table sorted(Table rows, Metric metric) {
        DoubleColumn cv = rows.doubleColumn("cv_" + metric.label());
        DoubleColumn key = DoubleColumn.create(SORT_KEY);
        for (int i = 0; i < rows.rowCount(); i++) {
            key.append(metric.ascendingKey(cv.get(i)));
        }
        Table keyed = rows.copy().addColumns(key).sortOn(SORT_KEY);
        return keyed.removeColumns(SORT_KEY);
    }

    private static final String SORT_KEY = "selection_cv_sort_key";

    /** The nested metric of picking the best single model by that metric among the rows (sorted best first). */
    static double bestSingle(Table singles, ObjectStore store, String what, Metric metric) {
        if (singles.rowCount() == 1) {
            return singles.doubleColumn("cv_" + metric.label()).get(0);
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
        return metric.of(new Consensus(observed, folds, predictions, metric).score(List.of(1)).cv());
    }
}
