package io.qspace.select;

import java.io.Serializable;

/**
 * Removes descriptor columns that cannot carry information before any selector looks at them: columns mostly
 * missing, constant, near-constant, redundant with an earlier column, or fingerprint bits too rare to learn from.
 * Decided on the training rows only.
 */
public interface Filters extends Serializable {
    /**
     * @param xTrain  training rows with ALL columns of the descriptor matrix, NaN where a value is missing
     * @param context names and blocks of the matrix
     * @return indices of the columns kept, ascending
     */
    int[] keep(double[][] xTrain, SelectionContext context);

    /** Every threshold, in a stable form: part of the content hash of everything computed downstream. */
    String describe();

    /** The filters of the default model space (SPEC-model-space.md), with fluent withers to change thresholds. */
    static StandardFilters standard() {
        return StandardFilters.DEFAULT;
    }
}
