package io.qspace.validate;

/**
 * What each cross-validation fold is fitted on: every training row (held-out ones included, for predicting them) in
 * the columns of that fold. With selection before CV every fold uses the same columns; with selection inside the
 * folds each fold has the columns its own selection chose, from its own training rows.
 */
@FunctionalInterface
public interface FoldInputs {
    /** Rows in the order of the activities, columns as selected for fold f of repeat r. */
    double[][] x(int repeat, int fold);

    /** The same matrix for every fold. */
    static FoldInputs same(double[][] x) {
        return (repeat, fold) -> x;
    }
}
