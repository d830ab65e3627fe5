package io.qspace.select;

import java.io.Serializable;

/**
 * A feature selection written by a chemist: which of the candidate columns to keep, from the training rows only.
 * A lambda will do; see {@link Selectors#of}.
 */
@FunctionalInterface
public interface ColumnChooser extends Serializable {
    /**
     * @param x    training rows of the candidate columns (filtered, imputed); x[row][candidate]
     * @param y    training activities
     * @param seed for any randomness
     * @return positions of the chosen candidates (columns of x), in the order the feature set should have
     */
    int[] choose(double[][] x, double[] y, long seed);
}
