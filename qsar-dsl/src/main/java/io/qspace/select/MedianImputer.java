package io.qspace.select;
/** Placeholder: replaced by its owner. */
public final class MedianImputer implements java.io.Serializable {
    public static MedianImputer fit(double[][] x) { throw new UnsupportedOperationException(); }
    public double[][] apply(double[][] x) { throw new UnsupportedOperationException(); }
    public double[] medians() { throw new UnsupportedOperationException(); }
}
