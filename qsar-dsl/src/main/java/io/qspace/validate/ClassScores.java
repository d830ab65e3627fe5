package io.qspace.validate;

import java.io.Serializable;

/** The classification measures of one set of predictions (CV out-of-fold or test), see {@link ClassificationMetrics}. */
public record ClassScores(double rocAuc, double prAuc, double mcc, double balancedAccuracy, double f1, double brier)
        implements Serializable {

    /** No classification (a regression model, a failed row): every measure NaN. */
    public static final ClassScores NONE = new ClassScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    public static ClassScores of(double[] observed, double[] probability) {
        return of(observed, probability, probability);
    }

    /**
     * The ranking measures (ROC-AUC, PR-AUC) on the model's own probabilities, the measures at 0.5 and Brier on the
     * calibrated ones, as predictions are given: what a test part is scored on.
     */
    public static ClassScores of(double[] observed, double[] raw, double[] calibrated) {
        return new ClassScores(ClassificationMetrics.rocAuc(observed, raw), ClassificationMetrics.prAuc(observed, raw),
                ClassificationMetrics.mcc(observed, calibrated),
                ClassificationMetrics.balancedAccuracy(observed, calibrated),
                ClassificationMetrics.f1(observed, calibrated), ClassificationMetrics.brier(observed, calibrated));
    }

    /**
     * A test part scored as its predictions are given: {@link #of(double[], double[], double[])} with the raw
     * probabilities calibrated by the model's calibration (fitted on its out-of-fold probabilities; none: raw).
     */
    public static ClassScores ofTest(double[] observed, double[] raw, ClassCalibration calibration) {
        return of(observed, raw, calibration == null ? raw
                : java.util.Arrays.stream(raw).map(calibration::probability).toArray());
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
