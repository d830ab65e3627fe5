package io.qspace.select;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Replaces missing descriptor values by the training median of their column. Missing means NaN, and also
 * plus or minus infinity, which some descriptor calculators return for undefined values and which no model survives. Learnt on the training rows only
 * and then applied unchanged to test rows and new molecules, so the test part never shapes the fill-in values.
 */
public final class MedianImputer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] medians;

    private MedianImputer(double[] medians) {
        this.medians = medians;
    }

    /** Learns one median per column over the non-missing training values; a column with no value at all gets 0. */
    public static MedianImputer fit(double[][] xTrain) {
        int columns = xTrain.length == 0 ? 0 : xTrain[0].length;
        double[] medians = new double[columns];
        double[] present = new double[xTrain.length];
        for (int j = 0; j < columns; j++) {
            int count = 0;
            for (double[] row : xTrain) {
                if (Double.isFinite(row[j])) present[count++] = row[j];
            }
            medians[j] = median(present, count);
        }
        return new MedianImputer(medians);
    }

    static double median(double[] values, int count) {
        if (count == 0) return 0.0;
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int mid = count / 2;
        return count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** A copy of the rows with every missing value replaced by its column's training median. */
    public double[][] apply(double[][] x) {
        double[][] filled = new double[x.length][];
        for (int i = 0; i < x.length; i++) filled[i] = apply(x[i]);
        return filled;
    }

    /** A copy of one row with every missing value replaced by its column's training median. */
    public double[] apply(double[] row) {
        if (row.length != medians.length) {
            throw new IllegalArgumentException("row has " + row.length + " columns, imputer learnt " + medians.length);
        }
        double[] filled = row.clone();
        for (int j = 0; j < filled.length; j++) {
            if (!Double.isFinite(filled[j])) filled[j] = medians[j];
        }
        return filled;
    }

    public double[] medians() {
        return medians.clone();
    }

    public int columns() {
        return medians.length;
    }
}
