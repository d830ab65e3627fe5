package io.qspace.validate;

import java.io.Serializable;

/** How models are validated: k-fold cross-validation, optionally with a y-randomisation check. */
public record Validation(int folds, int yRandomisations) implements Serializable {
    public Validation {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (yRandomisations < 0) {
            throw new IllegalArgumentException("y-randomisations cannot be negative, got " + yRandomisations);
        }
    }

    public static Validation kFold(int k) {
        return new Validation(k, 0);
    }

    /** The default of SPEC-model-space.md: 5-fold cross-validation, no y-randomisation. */
    public static Validation defaults() {
        return kFold(5);
    }

    /** The same validation plus n seeded y-shuffles; 0 switches it off. */
    public Validation yRandomisation(int n) {
        return new Validation(folds, n);
    }

    /** "kfold(5)" or "kfold(5)+yrand(10)". */
    public String describe() {
        return "kfold(" + folds + ")" + (yRandomisations > 0 ? "+yrand(" + yRandomisations + ")" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
