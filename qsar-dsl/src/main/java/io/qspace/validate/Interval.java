package io.qspace.validate;

import java.io.Serializable;

/**
 * A prediction interval at a confidence (0.9 = the interval should hold the measured activity of 9 compounds in 10
 * like the training compounds): lower and upper bounds in the activity's unit. NaN bounds mean the model has no
 * calibration (see {@link Conformal}).
 */
public record Interval(double confidence, double lower, double upper) implements Serializable {
    public double width() {
        return upper - lower;
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public boolean known() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** "lo80"-style column stem for a confidence: 0.8 -> "80", 0.975 -> "97.5". */
    public static String percent(double confidence) {
        double p = confidence * 100;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
    }
}
