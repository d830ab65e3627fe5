package io.qspace.data;

/** Placeholder: replaced by its owner. */
public final class Datasets {
    private Datasets() {}

}
