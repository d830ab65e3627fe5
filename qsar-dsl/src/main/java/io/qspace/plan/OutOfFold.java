package io.qspace.plan;

import io.qspace.results.ResultRecord;
import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A build's stored out-of-fold predictions ({@link BuildTask#outOfFoldCsv}) read back.
 *
 * @param folds     [repeat][row], from 0
 * @param predicted [repeat][row]
 */
record OutOfFold(String key, List<String> ids, double[] observed, int[][] folds, double[][] predicted) {

    static OutOfFold parse(ObjectStore store, String buildId) {
        String key = StoreKeys.outOfFold(buildId);
        String[] lines = new String(store.require(key), StandardCharsets.UTF_8).split("\n");
        List<String> ids = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        List<List<Integer>> folds = new ArrayList<>();
        List<List<Double>> predicted = new ArrayList<>();
        for (int line = 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            // id,repeat,fold,observed,predicted: the four numbers are never quoted, the id may be
            String[] tail = TestPredictions.lastFields(lines[line], 4, key, line + 1);
            int repeat;
            try {
                repeat = Integer.parseInt(tail[1]) - 1;
                if (repeat == folds.size()) {
                    folds.add(new ArrayList<>());
                    predicted.add(new ArrayList<>());
                }
                folds.get(repeat).add(Integer.parseInt(tail[2]) - 1);
                predicted.get(repeat).add(Double.parseDouble(tail[4]));
                if (repeat == 0) {
                    ids.add(tail[0]);
                    observed.add(Double.parseDouble(tail[3]));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("out-of-fold predictions " + key + ", line " + (line + 1)
                        + ": expected id,repeat,fold,observed,predicted, got '" + lines[line]
                        + "'; delete the object and run the study again", e);
            }
        }
        return new OutOfFold(key, ids, observed.stream().mapToDouble(Double::doubleValue).toArray(),
                folds.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new),
                predicted.stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
                        .toArray(double[][]::new));
    }

    /** Members of one consensus must have been cross-validated on the same rows and folds. */
    void checkSameRows(OutOfFold other, ResultRecord otherModel) {
        if (!ids.equals(other.ids) || !Arrays.equals(observed, other.observed)
                || !Arrays.deepEquals(folds, other.folds)) {
            throw new IllegalStateException("the out-of-fold predictions of " + otherModel.featureSet() + "/"
                    + otherModel.builder() + " (" + other.key + ") are not on the same rows and folds as "
                    + key + ": a consensus averages models cross-validated on the same folds");
        }
    }
}
