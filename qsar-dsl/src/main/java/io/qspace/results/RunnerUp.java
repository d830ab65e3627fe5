package io.qspace.results;

import io.qspace.validate.CorrectedTTest;
import io.qspace.validate.FoldRmse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Is a dataset's best model better than its runner-up, or did it win a coin toss? Both were cross-validated on the
 * same folds (fold assignment depends only on the seed and the data), so their fold RMSEs pair up and the corrected
 * resampled t-test applies.
 */
final class RunnerUp {
    private RunnerUp() {}

    /** Below this p-value the best model counts as significantly better than the runner-up. */
    static final double SIGNIFICANCE = 0.05;

    /**
     * @param ok  results rows that succeeded, sorted by dataset and then CV RMSE
     * @param row the row of a dataset's best model
     * @return the p-value against the next row of the same dataset; NaN without a runner-up or fold RMSEs
     */
    static double pValue(Table ok, int row) {
        int next = row + 1;
        if (next >= ok.rowCount() || !dataset(ok, next).equals(dataset(ok, row))) {
            return Double.NaN;
        }
        return CorrectedTTest.pValue(FoldRmse.parse(foldRmse(ok, row)), FoldRmse.parse(foldRmse(ok, next)));
    }

    /**
     * The sentences for datasets whose winner (the rows {@code chosen} of {@code ok}, as the leaderboard has them) is
     * not significantly better than the runner-up. A consensus winner has none, as on the leaderboard: its folds are
     * nested and its runner-up is often one of its own members.
     */
    static List<String> notes(Table ok, List<Integer> chosen) {
        List<String> notes = new ArrayList<>();
        for (int i : chosen) {
            if (ok.stringColumn("builder").get(i).equals(io.qspace.plan.ConsensusTask.BUILDER)) {
                continue;
            }
            double p = pValue(ok, i);
            if (p >= SIGNIFICANCE) {
                int folds = FoldRmse.parse(foldRmse(ok, i)).length * FoldRmse.parse(foldRmse(ok, i))[0].length;
                notes.add(String.format(Locale.ROOT, "%s: the best model (%s) is not significantly better than the "
                        + "runner-up (%s): p = %.3f, corrected resampled t-test over %d CV folds",
                        dataset(ok, i), model(ok, i), model(ok, i + 1), p, folds));
            }
        }
        return notes;
    }

    private static String dataset(Table t, int row) {
        return t.stringColumn("dataset").get(row);
    }

    private static String foldRmse(Table t, int row) {
        return t.stringColumn("cv_fold_rmse").get(row);
    }

    private static String model(Table t, int row) {
        return t.stringColumn("feature_set").get(row) + " / " + t.stringColumn("builder").get(row);
    }
}
