package io.qspace.select;

import java.io.Serializable;

/**
 * Chooses one feature set from the training part. Selectors run after the filters and see only the training rows,
 * so the test part never influences which descriptors a model uses.
 */
public interface Selector extends Serializable {
    /** The feature set's name, e.g. "top20-correlated"; also the selector's printable description. */
    String name();

    /**
     * @param x         training rows, all candidate columns (already filtered); x[row][candidate]
     * @param y         training activities
     * @param candidates indices of the candidate columns in the full descriptor matrix, same order as x's columns
     * @param context   names and blocks of the full matrix
     * @return the chosen columns, as indices into the full matrix
     */
    FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed);

    /**
     * Whether the choice looks at the activities. A supervised selection is refitted inside every cross-validation
     * fold (unless the validation says selectionBeforeCv()), so CV scores the selection too; an unsupervised one is
     * made once. Selectors written elsewhere count as supervised unless they say otherwise.
     */
    default boolean supervised() {
        return true;
    }

    /**
     * The single-feature-set selectors this one stands for: a selector written with several sizes, such as
     * topCorrelated(10, 20, 40), stands for one selector per size. Most selectors stand for themselves.
     */
    default java.util.List<Selector> each() {
        return java.util.List.of(this);
    }
}
