package io.qspace.model;

/**
 * A model fitted by an approximate method because its training set was above the builder's exact limit (e.g.
 * {@code svr().exactUpTo(2000)}); says which approximation and its settings, for the results' parameters.
 */
public interface Approximation {
    /** e.g. "nystrom(812 of 1000 landmarks)": the method and its settings as fitted. */
    String approximation();
}
