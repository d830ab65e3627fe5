package io.qspace.validate;

import io.qspace.model.Seeds;
import io.qspace.split.Folds;
import java.io.Serializable;
import java.util.Objects;

/**
 * How models are validated: k-fold cross-validation, optionally repeated with other fold assignments, with the
 * supervised selection either refitted inside every fold (the default) or done once before CV, and optionally a
 * y-randomisation check.
 *
 * @param repeats    how many times the k folds are dealt anew (r x k fits per grid point); 1 is plain k-fold
 * @param selection  where supervised selectors (top-correlated, stepwise, forest importance) look at activities
 * @param kind       regression or classification: set per dataset by the planner from the dataset's source;
 *                   classification deals stratified folds and scores classes
 * @param chooseBy   the metric that chooses models ({@link Metric#named}), null for the kind's default
 * @param domainExactUpTo the largest training part whose applicability domain searches neighbours exactly; above
 *                   it the search is approximate ({@link ApplicabilityDomain}); 0 (validations stored before it
 *                   existed) means the default
 */
public record Validation(int folds, int repeats, Selection selection, int yRandomisations, ModelKind kind,
                         String chooseBy, int domainExactUpTo) implements Serializable {

    /** Where the supervised feature selection happens relative to the cross-validation folds. */
    public enum Selection {
        /**
         * Each fold's selection sees only that fold's training rows, so the CV estimate includes the selection's
         * luck. Honest, and the default.
         */
        INSIDE_FOLDS("inside-folds"),
        /**
         * One selection on the whole training part, then CV on the chosen columns (the paper's procedure). Cheaper,
         * but CV then scores columns picked while looking at every held-out row: optimistic on small sets.
         */
        BEFORE_CV("before-cv");

        private final String label;

        Selection(String label) {
            this.label = label;
        }

        /** "inside-folds" or "before-cv": the value of the results' selection column. */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public Validation {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("cross-validation needs at least 1 repeat, got " + repeats);
        }
        Objects.requireNonNull(selection, "selection");
        if (yRandomisations < 0) {
            throw new IllegalArgumentException("y-randomisations cannot be negative, got " + yRandomisations);
        }
        Objects.requireNonNull(kind, "kind");
        if (chooseBy != null) {
            chooseBy = Metric.named(chooseBy).label();
        }
        if (domainExactUpTo == 0) {
            domainExactUpTo = ApplicabilityDomain.DEFAULT_EXACT_UP_TO;
        }
        if (domainExactUpTo < 1) {
            throw new IllegalArgumentException("applicability domain: exactUpTo must be at least 1 training row, got "
                    + domainExactUpTo);
        }
    }

    /** A validation choosing by a metric (null: the kind's default), with the default applicability domain. */
    public Validation(int folds, int repeats, Selection selection, int yRandomisations, ModelKind kind,
                      String chooseBy) {
        this(folds, repeats, selection, yRandomisations, kind, chooseBy, ApplicabilityDomain.DEFAULT_EXACT_UP_TO);
    }

    /**
     * The same validation with the applicability domain's neighbour search exact up to this many training rows
     * (default {@value ApplicabilityDomain#DEFAULT_EXACT_UP_TO}) and approximate above; Integer.MAX_VALUE keeps it
     * exact at any size.
     */
    public Validation domainExactUpTo(int rows) {
        return new Validation(folds, repeats, selection, yRandomisations, kind, chooseBy, rows);
    }

    /** "" for the default domain, else what the prepared data's identity adds, e.g. "domain=exactUpTo(20000)". */
    public String describeDomain() {
        return domainExactUpTo == ApplicabilityDomain.DEFAULT_EXACT_UP_TO ? ""
                : "domain=exactUpTo(" + domainExactUpTo + ")";
    }

    /** A regression's validation with the default metric. */
    public Validation(int folds, int repeats, Selection selection, int yRandomisations) {
        this(folds, repeats, selection, yRandomisations, ModelKind.REGRESSION, null);
    }

    /**
     * The same validation choosing models by another cross-validated metric: "rmse" or "q2" for a regression,
     * "roc_auc" (the default), "pr_auc", "mcc", "balanced_accuracy", "f1" or "brier" for a classification.
     */
    public Validation chooseBy(String metric) {
        return new Validation(folds, repeats, selection, yRandomisations, kind, Metric.named(metric).label(),
                domainExactUpTo);
    }

    /**
     * The validation of one dataset of the given kind: an error when the metric chosen does not score that kind
     * (a classification metric for a regression dataset, or the reverse).
     */
    public Validation forKind(ModelKind datasetKind, String dataset) {
        if (chooseBy != null && Metric.named(chooseBy).kind() != datasetKind) {
            throw new IllegalArgumentException("models are chosen by " + chooseBy + ", a "
                    + Metric.named(chooseBy).kind().label() + " metric, but dataset " + dataset + " is a "
                    + datasetKind.label() + ": choose by " + (datasetKind == ModelKind.CLASSIFICATION
                    ? "roc_auc, pr_auc, mcc, balanced_accuracy, f1 or brier" : "rmse or q2"));
        }
        return new Validation(folds, repeats, selection, yRandomisations, datasetKind, chooseBy, domainExactUpTo);
    }

    /** The metric that chooses models: the one named, else RMSE for a regression and ROC-AUC for a classification. */
    public Metric metric() {
        return chooseBy == null ? Metric.defaultFor(kind) : Metric.named(chooseBy);
    }

    public boolean classifies() {
        return kind == ModelKind.CLASSIFICATION;
    }

    /** k-fold cross-validation, selection inside the folds. */
    public static Validation kFold(int k) {
        return new Validation(k, 1, Selection.INSIDE_FOLDS, 0);
    }

    /** The default of SPEC-model-space.md: 5-fold cross-validation, no y-randomisation; selection inside folds. */
    public static Validation defaults() {
        return kFold(5);
    }

    /** The same validation plus n seeded y-shuffles; 0 switches it off. */
    public Validation yRandomisation(int n) {
        return new Validation(folds, repeats, selection, n, kind, chooseBy, domainExactUpTo);
    }

    /** r x k folds: the k folds dealt r times with seeds derived per repeat; CV metrics are over all of them. */
    public Validation repeated(int r) {
        return new Validation(folds, r, selection, yRandomisations, kind, chooseBy, domainExactUpTo);
    }

    /**
     * The paper's behaviour: select once on the whole training part, then cross-validate on the chosen columns.
     * CV estimates of supervised feature sets are then optimistic; use it to reproduce the paper or to compare.
     */
    public Validation selectionBeforeCv() {
        return new Validation(folds, repeats, Selection.BEFORE_CV, yRandomisations, kind, chooseBy,
                domainExactUpTo);
    }

    /** The default: every fold's selection sees only that fold's training rows. */
    public Validation selectionInsideFolds() {
        return new Validation(folds, repeats, Selection.INSIDE_FOLDS, yRandomisations, kind, chooseBy,
                domainExactUpTo);
    }

    public boolean selectsInsideFolds() {
        return selection == Selection.INSIDE_FOLDS;
    }

    /** Every fold a grid point is cross-validated on: repeats x folds. */
    public int fits() {
        return repeats * folds;
    }

    /**
     * The seed of repeat r's fold assignment (and of the fits in its folds): the CV seed itself for the first
     * repeat, so kFold(k) and kFold(k).repeated(1) deal the same folds.
     */
    public long repeatSeed(long cvSeed, int repeat) {
        if (repeat < 0 || repeat >= repeats) {
            throw new IllegalArgumentException("repeat " + repeat + " of " + repeats);
        }
        return repeat == 0 ? cvSeed : Seeds.derive(cvSeed, -repeat);
    }

    /** The fold of every row in repeat r of a regression: plain k-fold. */
    public int[] foldsOf(int rows, long cvSeed, int repeat) {
        CrossValidation.checkFolds(rows, folds);
        return Folds.assign(rows, folds, repeatSeed(cvSeed, repeat));
    }

    /**
     * The fold of every row in repeat r: the one assignment that both fold selection and CV use. Stratified by class
     * for a classification, plain k-fold for a regression.
     */
    public int[] foldsOf(double[] y, long cvSeed, int repeat) {
        if (!classifies()) {
            return foldsOf(y.length, cvSeed, repeat);
        }
        CrossValidation.checkFolds(y.length, folds);
        return Folds.stratified(y, folds, repeatSeed(cvSeed, repeat));
    }

    /** The cross-validation part alone ("kfold(5)+selection(inside-folds)"): what fold selections depend on. */
    public String describeFolds() {
        return (classifies() ? "stratified-" : "") + "kfold(" + folds + ")" + (repeats > 1 ? "+repeats(" + repeats + ")" : "")
                + "+selection(" + selection.label() + ")";
    }

    /** "kfold(5)+selection(inside-folds)" or "kfold(5)+repeats(3)+selection(before-cv)+yrand(10)". */
    public String describe() {
        return describeFolds() + (yRandomisations > 0 ? "+yrand(" + yRandomisations + ")" : "")
                + (chooseBy != null || classifies() ? "+by(" + metric().label() + ")" : "")
                + (describeDomain().isEmpty() ? "" : "+" + describeDomain());
    }

    @Override
    public String toString() {
        return describe();
    }
}
