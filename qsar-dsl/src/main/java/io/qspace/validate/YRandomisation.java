package io.qspace.validate;
/** Placeholder: replaced by its owner. */
public final class YRandomisation {
    public static double[] run(io.qspace.model.ModelBuilder b, double[][] x, double[] y, int k, int n, long seed) { throw new UnsupportedOperationException(); }
}
