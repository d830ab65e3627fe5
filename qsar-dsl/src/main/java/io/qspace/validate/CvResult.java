package io.qspace.validate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Out-of-fold predictions of every repeat (each in the order of the input rows), the fold each row was held out
 * in, RMSE per repeat and fold, Q2 and RMSE over all repeats, and how many models were fitted.
 *
 * @param predictions [repeat][row]
 * @param folds       [repeat][row]: the fold in which the row was predicted
 * @param foldRmse    [repeat][fold]
 * @param classification for a classification, ROC-AUC and the other measures over every out-of-fold probability;
 *                       null for a regression
 */
public record CvResult(double[][] predictions, int[][] folds, double[][] foldRmse, double q2, double rmse, int fits,
                       ClassScores classification) implements Serializable {
    /** A regression's result. */
    public CvResult(double[][] predictions, int[][] folds, double[][] foldRmse, double q2, double rmse, int fits) {
        this(predictions, folds, foldRmse, q2, rmse, fits, null);
    }

    public CvResult {
        predictions = deepCopy(predictions);
        folds = Arrays.stream(folds).map(int[]::clone).toArray(int[][]::new);
        foldRmse = deepCopy(foldRmse);
    }

    public int repeats() {
        return predictions.length;
    }

    /** Every out-of-fold prediction, repeat after repeat: n values for plain k-fold, r x n for repeated. */
    public double[] predicted() {
        return Arrays.stream(predictions).flatMapToDouble(Arrays::stream).toArray();
    }

    @Override
    public double[][] predictions() {
        return deepCopy(predictions);
    }

    @Override
    public int[][] folds() {
        return Arrays.stream(folds).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public double[][] foldRmse() {
        return deepCopy(foldRmse);
    }

    private static double[][] deepCopy(double[][] values) {
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }
}
