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

    /** The standard filters, every space's unless named (SPEC-model-space.md), with fluent withers to change thresholds. */
    /** How a filter written by a chemist keeps columns: the same contract as {@link #keep}. */
    @FunctionalInterface
    interface Rule extends Serializable {
        int[] keep(double[][] xTrain, SelectionContext context);
    }

    /**
     * Filters written in a notebook, script or plug-in, e.g. the standard ones and then a rule of one's own:
     * {@code Filters.of("no-counts", (x, c) -> ...)}. The name is the description; the rule's code is part of the
     * identity of everything downstream.
     */
    static Filters of(String name, Rule rule) {
        return new Filters() {
            @Override
            public int[] keep(double[][] xTrain, SelectionContext context) {
                return rule.keep(xTrain, context);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    static StandardFilters standard() {
        return StandardFilters.DEFAULT;
    }
}
