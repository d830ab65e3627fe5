package io.qspace.split;

import io.qspace.data.Dataset;
import java.io.Serializable;

/**
 * How a dataset is divided into a training part (for fitting and cross-validation) and a test part (for the final,
 * untouched assessment). Implementations are plain parameter objects: equal parameters give equal splits for equal seeds.
 */
public interface Split extends Serializable {
    /** @return for each compound of the dataset, in order, true when it belongs to the test part. */
    boolean[] testMask(Dataset dataset, long seed);

    /** A short printable description including parameters, e.g. "scaffold(0.2)"; part of content hashes. */
    String describe();

    /** The dataset's own split column when every compound has one, otherwise a seeded random split. */
    static Split auto(double testFraction) { throw new UnsupportedOperationException(); }
}
