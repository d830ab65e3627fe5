package io.qspace.validate;

import java.io.Serializable;

/** The classification measures of one set of predictions (CV out-of-fold or test), see {@link ClassificationMetrics}. */
public record ClassScores(double rocAuc, double prAuc, double mcc, double balancedAccuracy, double f1, double brier)
        implements Serializable {

    /** No classification (a regression model, a failed row): every measure NaN. */
    public static final ClassScores NONE = new ClassScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    public static ClassScores of(double[] observed, double[] probability) {
        return new ClassScores(ClassificationMetrics.rocAuc(observed, probability),
                ClassificationMetrics.prAuc(observed, probability), ClassificationMetrics.mcc(observed, probability),
                ClassificationMetrics.balancedAccuracy(observed, probability),
                ClassificationMetrics.f1(observed, probability), ClassificationMetrics.brier(observed, probability));
    }

    /** The value of one classification metric. */
    public double get(Metric metric) {
        return switch (metric) {
            case ROC_AUC -> rocAuc;
            case PR_AUC -> prAuc;
            case MCC -> mcc;
            case BALANCED_ACCURACY -> balancedAccuracy;
            case F1 -> f1;
            case BRIER -> brier;
            default -> throw new IllegalArgumentException(metric.label() + " is not a classification metric");
        };
    }
}
