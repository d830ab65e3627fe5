package io.qspace.select;

/** "filtered": every descriptor that survived the filters, the baseline the narrower selections are judged against. */
record FilteredDescriptors() implements Selector {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
        return "filtered";
    }

    /** Decided by the filters alone, which never look at activities: nothing to refit per fold. */
    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        return Candidates.featureSet(name(), Candidates.descriptorPositions(candidates, context), candidates, context);
    }
}
