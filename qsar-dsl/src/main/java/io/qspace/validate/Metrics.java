package io.qspace.validate;

/** Regression quality measures on observed vs predicted activities. */
public final class Metrics {
    private Metrics() {}

    public static double rmse(double[] observed, double[] predicted) {
        check(observed, predicted);
        return Math.sqrt(press(observed, predicted) / observed.length);
    }

    public static double mae(double[] observed, double[] predicted) {
        check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += Math.abs(observed[i] - predicted[i]);
        }
        return sum / observed.length;
    }

    /** Coefficient of determination on a test set: 1 - RSS / TSS about the test set's own mean. */
    public static double r2(double[] observed, double[] predicted) {
        check(observed, predicted);
        return 1 - press(observed, predicted) / sumOfSquares(observed);
    }

    /**
     * Q2 of cross-validated predictions: 1 - PRESS / sum of squares about the mean of the observed. Numerically the
     * same formula as r2; the name says the predictions are out-of-fold.
     */
    public static double q2(double[] observed, double[] cvPredicted) {
        check(observed, cvPredicted);
        return 1 - press(observed, cvPredicted) / sumOfSquares(observed);
    }

    private static double press(double[] observed, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - predicted[i];
            sum += d * d;
        }
        return sum;
    }

    // A constant response gives 0 here, so r2/q2 become -Infinity or NaN: an honest "undefined".
    private static double sumOfSquares(double[] observed) {
        double mean = 0;
        for (double v : observed) {
            mean += v;
        }
        mean /= observed.length;
        double sum = 0;
        for (double v : observed) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    private static void check(double[] observed, double[] predicted) {
        if (observed.length != predicted.length) {
            throw new IllegalArgumentException(observed.length + " observed but " + predicted.length + " predicted");
        }
        if (observed.length == 0) {
            throw new IllegalArgumentException("no values to compare");
        }
    }
}
