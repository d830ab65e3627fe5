package io.qspace.validate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Conformal prediction intervals from a model's cross-validated (out-of-fold) residuals on its training compounds.
 *
 * <p>Each training compound's out-of-fold residual was made by a model that never saw it, so its absolute value is
 * an honest sample of the error on a new compound like the training ones. The interval around a new prediction is
 * the prediction plus or minus the ceil((n+1)c)-th smallest of those n scores (the cross-validation form of
 * split conformal prediction, around the model refitted on the whole training part; the fold models themselves are
 * not kept, so this is not CV+ in the strict sense).
 *
 * <p>{@link Mode#NORMALISED} (the default) divides each residual by a difficulty, the compound's
 * applicability-domain score (mean distance to its 5 nearest training neighbours) plus the median of those scores,
 * and multiplies the quantile back by the new compound's difficulty: intervals widen away from the training data and
 * narrow inside it while keeping the same coverage. {@link Mode#ABSOLUTE} gives one width for every compound.
 */
public final class Conformal implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The confidences a prediction carries unless others are asked for. */
    public static final List<Double> DEFAULT_CONFIDENCES = List.of(0.8, 0.9);

    public enum Mode { ABSOLUTE, NORMALISED }

    private final double[] absolute;   // sorted |residual|
    private final double[] normalised; // sorted |residual| / (difficulty + offset)
    private final double offset;

    private Conformal(double[] absolute, double[] normalised, double offset) {
        this.absolute = absolute;
        this.normalised = normalised;
        this.offset = offset;
    }

    /**
     * @param observed  activity of each out-of-fold row
     * @param predicted its out-of-fold prediction
     * @param difficulty each row's applicability-domain score (the training compound left out of its own search)
     */
    public static Conformal fit(double[] observed, double[] predicted, double[] difficulty) {
        int n = observed.length;
        if (n == 0 || predicted.length != n || difficulty.length != n) {
            throw new IllegalArgumentException("conformal calibration needs as many observed, predicted and difficulty"
                    + " values (got " + n + ", " + predicted.length + ", " + difficulty.length + ")");
        }
        double offset = median(difficulty);
        if (!(offset > 0)) {
            offset = 1e-9;
        }
        double[] absolute = new double[n];
        double[] normalised = new double[n];
        for (int i = 0; i < n; i++) {
            absolute[i] = Math.abs(observed[i] - predicted[i]);
            normalised[i] = absolute[i] / (difficulty[i] + offset);
        }
        Arrays.sort(absolute);
        Arrays.sort(normalised);
        return new Conformal(absolute, normalised, offset);
    }

    /** How many residuals calibrate the intervals. */
    public int size() {
        return absolute.length;
    }

    public Interval interval(double prediction, double difficulty, double confidence) {
        return interval(prediction, difficulty, confidence, Mode.NORMALISED);
    }

    public Interval interval(double prediction, double difficulty, double confidence, Mode mode) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + ": expected a value between 0 and 1,"
                    + " e.g. 0.9 for a 90% interval");
        }
        double half = mode == Mode.ABSOLUTE ? quantile(absolute, confidence)
                : quantile(normalised, confidence) * (difficulty + offset);
        return new Interval(confidence, prediction - half, prediction + half);
    }

    /** The ceil((n+1)c)-th smallest score; infinite when n is too small for the confidence. */
    static double quantile(double[] sorted, double confidence) {
        int rank = (int) Math.ceil((sorted.length + 1) * confidence);
        return rank > sorted.length ? Double.POSITIVE_INFINITY : sorted[rank - 1];
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** An interval with unknown bounds, for a model stored without out-of-fold residuals. */
    public static Interval unknown(double confidence) {
        return new Interval(confidence, Double.NaN, Double.NaN);
    }
}
