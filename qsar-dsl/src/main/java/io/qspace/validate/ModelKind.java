package io.qspace.validate;

/** What a study's datasets ask of a model: a number (regression) or a class (classification, binary for now). */
public enum ModelKind {
    REGRESSION,
    CLASSIFICATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
