package io.qspace.split;

import io.qspace.data.Dataset;
import java.io.Serializable;

/**
 * How a dataset is divided into a training part (for fitting and cross-validation) and a test part (for the final,
 * untouched assessment). Implementations are plain parameter objects: equal parameters give equal splits for equal seeds.
 *
 * <p>Every split here is a pure function of (dataset, seed). For a dataset of at least 2 compounds, the seeded splits
 * never leave the training or the test part empty.
 */
public interface Split extends Serializable {
    /** @return for each compound of the dataset, in order, true when it belongs to the test part. */
    boolean[] testMask(Dataset dataset, long seed);

    /** A short printable description including parameters, e.g. "scaffold(0.2)"; part of content hashes. */
    String describe();

    /** The split the input file gives; an error naming the dataset when some compounds have none. */
    /** How a split written by a chemist chooses the test part: the same contract as {@link #testMask}. */
    @FunctionalInterface
    interface Rule extends Serializable {
        boolean[] testMask(Dataset dataset, long seed);
    }

    /** A split written in a notebook, script or plug-in; the name is its description, its code part of the identity. */
    static Split of(String name, Rule rule) {
        return new Split() {
            @Override
            public boolean[] testMask(Dataset dataset, long seed) {
                boolean[] mask = rule.testMask(dataset, seed);
                if (mask == null || mask.length != dataset.size()) {
                    throw new IllegalArgumentException("split " + name + " gave " + (mask == null ? "no mask"
                            : mask.length + " flags") + " for " + dataset.size() + " compounds of " + dataset.name());
                }
                return mask;
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

    static Split given() {
        return new GivenSplit();
    }

    /** A seeded random sample of round(n * testFraction) compounds as the test part. */
    static Split random(double testFraction) {
        return new RandomSplit(SplitSizes.checkFraction(testFraction));
    }

    /**
     * Whole Bemis-Murcko scaffold groups (rings and linkers, atom types kept) go to one side; acyclic molecules share
     * the empty scaffold. The test part is close to, and at most, the target size when the groups allow it.
     */
    static Split scaffold(double testFraction) {
        return new ScaffoldSplit(SplitSizes.checkFraction(testFraction));
    }

    /** Activity-stratified: compounds sorted by activity are cut into as many bins as test compounds, one drawn per bin. */
    static Split stratified(double testFraction) {
        return new StratifiedSplit(SplitSizes.checkFraction(testFraction));
    }

    /** The dataset's own split column when every compound has one, otherwise a seeded random split. */
    static Split auto(double testFraction) {
        return new AutoSplit(SplitSizes.checkFraction(testFraction));
    }
}
