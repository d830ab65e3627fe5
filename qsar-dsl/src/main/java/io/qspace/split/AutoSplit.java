package io.qspace.split;

import io.qspace.data.Dataset;

/** The given split when the file has one for every compound, else random: the sensible default for mixed inputs. */
record AutoSplit(double testFraction) implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
        return dataset.hasGivenSplit()
                ? new GivenSplit().testMask(dataset, seed)
                : new RandomSplit(testFraction).testMask(dataset, seed);
    }

    @Override
    public String describe() {
        return "auto(" + SplitSizes.fraction(testFraction) + ")";
    }
}
