package io.qspace.validate;
/** Placeholder: replaced by its owner. */
public final class ApplicabilityDomain implements java.io.Serializable {
    public static ApplicabilityDomain fit(double[][] x) { throw new UnsupportedOperationException(); }
    public double score(double[] x) { throw new UnsupportedOperationException(); }
    public boolean inside(double[] x) { throw new UnsupportedOperationException(); }
}
