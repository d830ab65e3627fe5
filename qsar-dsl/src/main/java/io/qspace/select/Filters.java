package io.qspace.select;

import java.io.Serializable;

/** Placeholder: replaced by its owner. */
public interface Filters extends Serializable {
    int[] keep(double[][] xTrain, SelectionContext context);

    String describe();

    static Filters standard() { throw new UnsupportedOperationException(); }
}
