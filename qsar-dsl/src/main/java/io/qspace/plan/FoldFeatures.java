package io.qspace.plan;

import io.qspace.validate.FoldInputs;
import io.qspace.validate.Validation;
import java.io.Serializable;

/**
 * One supervised feature set as selected inside each cross-validation fold: per repeat and fold, the columns its
 * selector chose from that fold's training rows alone, and every training row's values in those columns (missing
 * values filled with that fold's training medians). Stored by the prepare step next to the {@link FeatureMatrix};
 * every builder's CV of the feature set reads it, so adding a builder re-runs no selector.
 *
 * @param columns [repeat * folds + fold]: indices into the descriptor matrix
 * @param x       [repeat * folds + fold][training row][column]
 */
public record FoldFeatures(String featureSet, int folds, int repeats, int[][] columns, double[][][] x)
        implements Serializable {

    public FoldFeatures {
        if (columns.length != folds * repeats || x.length != folds * repeats) {
            throw new IllegalArgumentException(featureSet + ": " + columns.length + " fold selections for "
                    + repeats + " x " + folds + " folds");
        }
    }

    /** The columns selected in fold f of repeat r. */
    public int[] columns(int repeat, int fold) {
        return columns[repeat * folds + fold].clone();
    }

    /** The folds as cross-validation inputs, after checking they were made for this validation. */
    public FoldInputs inputs(Validation validation) {
        if (validation.folds() != folds || validation.repeats() != repeats) {
            throw new IllegalStateException("the fold selections of " + featureSet + " were made for " + repeats
                    + " x " + folds + " folds, not for " + validation.describeFolds()
                    + ": the prepare step's identity should have told them apart; run the study again");
        }
        return (repeat, fold) -> x[repeat * folds + fold];
    }
}
