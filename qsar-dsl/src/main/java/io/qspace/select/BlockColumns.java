package io.qspace.select;

import java.util.Objects;

/** A whole fingerprint block, e.g. "ecfp4": every bit of it that survived the filters. Named after the block. */
record BlockColumns(String block) implements Selector {
    private static final long serialVersionUID = 1L;

    BlockColumns {
        Objects.requireNonNull(block, "block");
    }

    @Override
    public String name() {
        return block;
    }

    /** Decided by the filters alone, which never look at activities: nothing to refit per fold. */
    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        return Candidates.featureSet(name(), Candidates.blockPositions(candidates, context, block), candidates, context);
    }
}
