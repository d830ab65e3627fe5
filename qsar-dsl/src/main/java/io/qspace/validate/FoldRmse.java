package io.qspace.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A model's CV RMSE per repeat and fold, written into the results as text ("0.51;0.62;0.48|0.55;0.60;0.47": repeats
 * separated by '|', folds by ';') so a results table alone is enough to compare two models fold by fold.
 */
public final class FoldRmse {
    private FoldRmse() {}

    /** "" for no folds. */
    public static String format(double[][] byRepeat) {
        if (byRepeat == null || byRepeat.length == 0) {
            return "";
        }
        return Arrays.stream(byRepeat)
                .map(folds -> Arrays.stream(folds).mapToObj(FoldRmse::number).collect(Collectors.joining(";")))
                .collect(Collectors.joining("|"));
    }

    /** The inverse of {@link #format}; an empty or missing text gives no repeats. */
    public static double[][] parse(String text) {
        if (text == null || text.isBlank()) {
            return new double[0][];
        }
        String[] repeats = text.strip().split("\\|");
        double[][] out = new double[repeats.length][];
        for (int r = 0; r < repeats.length; r++) {
            try {
                out[r] = Arrays.stream(repeats[r].split(";")).mapToDouble(Double::parseDouble).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fold RMSEs '" + text + "': repeat " + (r + 1)
                        + " is not a ';'-separated list of numbers", e);
            }
        }
        return out;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
