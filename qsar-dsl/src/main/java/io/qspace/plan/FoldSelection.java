package io.qspace.plan;

import io.qspace.model.Seeds;
import io.qspace.select.FeatureSet;
import io.qspace.select.MedianImputer;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.validate.Validation;
import java.util.Arrays;
import java.util.List;

/**
 * Runs supervised selectors inside the cross-validation folds: for every repeat and fold, the fold's training rows
 * (never its held-out rows) fill in their missing values with their own medians and are given to each selector; the
 * chosen columns are then taken from every training row, so CV can fit on the fold's rows and predict its held-out
 * ones in the columns that fold chose. The folds are the ones {@link Validation#foldsOf} deals for the CV seed, the
 * same that every build of the dataset uses.
 */
final class FoldSelection {
    private FoldSelection() {}

    /**
     * @param rawTrain   training rows, every descriptor column, NaN where missing
     * @param yTrain     training activities
     * @param kept       the columns the filters kept (decided on the whole training part, without activities)
     * @param selectors  supervised selectors, each standing for one feature set
     * @param seeds      each selector's seed for its selection on the whole training part
     * @return one {@link FoldFeatures} per selector, in the selectors' order
     */
    static FoldFeatures[] run(double[][] rawTrain, double[] yTrain, int[] kept, SelectionContext context,
                              List<Selector> selectors, long[] seeds, List<String> featureSetNames,
                              Validation validation, long cvSeed, TaskContext task) {
        int n = yTrain.length;
        int k = validation.folds();
        int repeats = validation.repeats();
        int[][][] columns = new int[selectors.size()][repeats * k][];
        double[][][][] x = new double[selectors.size()][repeats * k][][];
        double[][] keptRaw = PrepareTask.columns(rawTrain, kept);
        int[] positionOf = positions(kept, context.names().size());
        for (int r = 0; r < repeats; r++) {
            int[] fold = validation.foldsOf(yTrain, cvSeed, r);
            for (int f = 0; f < k; f++) {
                boolean[] heldOut = new boolean[n];
                for (int i = 0; i < n; i++) {
                    heldOut[i] = fold[i] == f;
                }
                MedianImputer imputer = MedianImputer.fit(PrepareTask.rows(keptRaw, heldOut, false));
                double[][] filled = imputer.apply(keptRaw);
                double[][] fitRows = PrepareTask.rows(filled, heldOut, false);
                double[] fitY = part(yTrain, heldOut);
                for (int s = 0; s < selectors.size(); s++) {
                    task.checkCancelled();
                    int slot = r * k + f;
                    FeatureSet chosen = selectors.get(s).select(fitRows, fitY, kept, context,
                            Seeds.derive(seeds[s], slot));
                    int[] at = Arrays.stream(chosen.columns()).map(c -> positionOf[c]).toArray();
                    if (Arrays.stream(at).anyMatch(p -> p < 0)) {
                        throw new IllegalStateException("selector " + selectors.get(s).name()
                                + " chose a column the filters removed: a selector may only return candidates");
                    }
                    columns[s][slot] = chosen.columns();
                    x[s][slot] = PrepareTask.columns(filled, at);
                }
            }
        }
        FoldFeatures[] out = new FoldFeatures[selectors.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = new FoldFeatures(featureSetNames.get(s), k, repeats, columns[s], x[s]);
        }
        return out;
    }

    /** For each column of the full matrix, its position among the kept columns (-1 when filtered out). */
    private static int[] positions(int[] kept, int columns) {
        int[] at = new int[columns];
        Arrays.fill(at, -1);
        for (int j = 0; j < kept.length; j++) {
            at[kept[j]] = j;
        }
        return at;
    }

    private static double[] part(double[] y, boolean[] heldOut) {
        double[] out = new double[PrepareTask.count(heldOut, false)];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (!heldOut[i]) out[j++] = y[i];
        }
        return out;
    }
}
