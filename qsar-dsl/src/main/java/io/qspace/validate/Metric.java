package io.qspace.validate;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A cross-validated measure that chooses models: the grid point of a build, the best model of a dataset, the order
 * of a leaderboard. Each knows its direction (RMSE lower is better, ROC-AUC higher) and the kind of study it scores.
 */
public enum Metric {
    RMSE("rmse", false, ModelKind.REGRESSION),
    Q2("q2", true, ModelKind.REGRESSION),
    ROC_AUC("roc_auc", true, ModelKind.CLASSIFICATION),
    PR_AUC("pr_auc", true, ModelKind.CLASSIFICATION),
    MCC("mcc", true, ModelKind.CLASSIFICATION),
    BALANCED_ACCURACY("balanced_accuracy", true, ModelKind.CLASSIFICATION),
    F1("f1", true, ModelKind.CLASSIFICATION),
    BRIER("brier", false, ModelKind.CLASSIFICATION);

    private final String label;
    private final boolean higherIsBetter;
    private final ModelKind kind;

    Metric(String label, boolean higherIsBetter, ModelKind kind) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.kind = kind;
    }

    /** "roc_auc": the name a study uses ({@code chooseBy("roc_auc")}) and the results' column suffix. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public ModelKind kind() {
        return kind;
    }

    /** RMSE for a regression, ROC-AUC for a classification. */
    public static Metric defaultFor(ModelKind kind) {
        return kind == ModelKind.CLASSIFICATION ? ROC_AUC : RMSE;
    }

    /** The metric of a name, e.g. "pr_auc"; an error listing the names otherwise. */
    public static Metric named(String name) {
        for (Metric m : values()) {
            if (m.label.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; known: "
                + Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", ")));
    }

    /** This metric's value on a cross-validation result. */
    public double of(CvResult cv) {
        return switch (this) {
            case RMSE -> cv.rmse();
            case Q2 -> cv.q2();
            default -> {
                if (cv.classification() == null) {
                    throw new IllegalArgumentException(label + " needs a classification's cross-validation");
                }
                yield cv.classification().get(this);
            }
        };
    }

    /**
     * This metric on observed values and predictions pooled over rows (for a classification, observed classes 0 or 1
     * and probabilities of class 1): what ranks candidates on any subset of out-of-fold rows, as a consensus does.
     */
    public double of(double[] observed, double[] predicted) {
        return switch (this) {
            case RMSE -> Metrics.rmse(observed, predicted);
            case Q2 -> Metrics.q2(observed, predicted);
            case ROC_AUC -> ClassificationMetrics.rocAuc(observed, predicted);
            case PR_AUC -> ClassificationMetrics.prAuc(observed, predicted);
            case MCC -> ClassificationMetrics.mcc(observed, predicted);
            case BALANCED_ACCURACY -> ClassificationMetrics.balancedAccuracy(observed, predicted);
            case F1 -> ClassificationMetrics.f1(observed, predicted);
            case BRIER -> ClassificationMetrics.brier(observed, predicted);
        };
    }

    /** Whether a is strictly better than b; NaN is worse than any number. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }

    /** A sort key where lower is better whatever the direction (NaN last): for tables sorted ascending. */
    public double ascendingKey(double value) {
        if (Double.isNaN(value)) return Double.POSITIVE_INFINITY;
        return higherIsBetter ? -value : value;
    }
}
