package io.qspace.chem;

/** Placeholder: replaced by its owner. */
public final class Descriptors {
    private Descriptors() {}
    public static DescriptorSet defaults() { throw new UnsupportedOperationException(); }
    public static DescriptorSet combine(DescriptorSet a, DescriptorSet b) { throw new UnsupportedOperationException(); }
}
