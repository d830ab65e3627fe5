package io.qspace.validate;
/** Placeholder: replaced by its owner. */
public record Validation(int folds, int yRandomisations) implements java.io.Serializable {
    public static Validation defaults() { return new Validation(5, 0); }
    public static Validation kFold(int k) { return new Validation(k, 0); }
    public String describe() { return "kfold(" + folds + ")"; }
}
