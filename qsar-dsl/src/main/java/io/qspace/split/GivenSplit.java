package io.qspace.split;

import io.qspace.data.Compound;
import io.qspace.data.Dataset;

/** The train/test assignment the input file gives. */
record GivenSplit() implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
        boolean[] test = new boolean[dataset.size()];
        int missing = 0;
        for (int i = 0; i < test.length; i++) {
            Compound c = dataset.compounds().get(i);
            if (c.givenSplit() == null) {
                missing++;
            } else {
                test[i] = c.givenSplit().equals("test");
            }
        }
        if (missing > 0 || test.length == 0) {
            throw new IllegalArgumentException("dataset '" + dataset.name() + "' has no given split for " + missing
                    + " of its " + test.length + " compounds; use Split.random(...) or Split.auto(...), or name the"
                    + " split column when loading");
        }
        return test;
    }

    @Override
    public String describe() {
        return "given";
    }
}
