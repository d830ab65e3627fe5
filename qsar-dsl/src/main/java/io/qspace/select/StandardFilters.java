package io.qspace.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The filters of the default model space, applied to the training rows:
 * <ol>
 *   <li>any column missing on more than {@code maxMissing} of the rows is dropped (remaining gaps are then filled
 *       with the training median, and the checks below see the filled values);</li>
 *   <li>descriptors: constant columns, near-constant columns (the most frequent value on more than
 *       {@code nearConstant} of the rows) and columns correlated beyond {@code maxCorrelation} with an earlier kept
 *       column are dropped;</li>
 *   <li>fingerprint bits: kept when set in at least {@code minBitCount} rows and absent from at least one, since a
 *       bit seen in one or two molecules or in all of them cannot separate anything.</li>
 * </ol>
 * Columns in no block count as descriptors.
 */
public record StandardFilters(double maxMissing, double nearConstant, double maxCorrelation, int minBitCount)
        implements Filters {
    private static final long serialVersionUID = 1L;

    static final StandardFilters DEFAULT = new StandardFilters(0.10, 0.95, 0.95, 3);

    public StandardFilters {
        requireFraction("maxMissing", maxMissing);
        requireFraction("nearConstant", nearConstant);
        requireFraction("maxCorrelation", maxCorrelation);
        if (minBitCount < 1) throw new IllegalArgumentException("minBitCount must be at least 1: " + minBitCount);
    }

    private static void requireFraction(String what, double value) {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(what + " must be in [0, 1]: " + value);
    }

    public StandardFilters maxMissing(double fraction) {
        return new StandardFilters(fraction, nearConstant, maxCorrelation, minBitCount);
    }

    public StandardFilters nearConstant(double fraction) {
        return new StandardFilters(maxMissing, fraction, maxCorrelation, minBitCount);
    }

    public StandardFilters maxCorrelation(double absoluteR) {
        return new StandardFilters(maxMissing, nearConstant, absoluteR, minBitCount);
    }

    public StandardFilters minBitCount(int rows) {
        return new StandardFilters(maxMissing, nearConstant, maxCorrelation, rows);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT,
                "standard-filters(maxMissing=%s, zeroVariance, nearConstant=%s, maxCorrelation=%s, "
                        + "correlationScan=keep-earlier-vs-kept, minBitCount=%d, minBitAbsent=1, descriptorsImputed=median)",
                maxMissing, nearConstant, maxCorrelation, minBitCount);
    }

    @Override
    public int[] keep(double[][] xTrain, SelectionContext context) {
        int rows = xTrain.length;
        int columns = rows == 0 ? context.names().size() : xTrain[0].length;
        if (rows == 0) return new int[0];
        double[][] filled = MedianImputer.fit(xTrain).apply(xTrain);

        List<Integer> descriptors = new ArrayList<>();
        List<double[]> descriptorValues = new ArrayList<>();
        boolean[] kept = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            if (missingFraction(xTrain, c) > maxMissing) continue;
            double[] values = Pearson.column(filled, c);
            if (ColumnBlocks.isDescriptor(c, context)) {
                if (varies(values) && !nearlyConstant(values)) {
                    descriptors.add(c);
                    descriptorValues.add(values);
                }
            } else {
                kept[c] = informativeBit(values);
            }
        }
        boolean[] distinct = CorrelationScan.keep(descriptorValues.toArray(double[][]::new), maxCorrelation);
        for (int d = 0; d < distinct.length; d++) {
            if (distinct[d]) kept[descriptors.get(d)] = true;
        }
        int[] result = new int[columns];
        int count = 0;
        for (int c = 0; c < columns; c++) if (kept[c]) result[count++] = c;
        return Arrays.copyOf(result, count);
    }

    private static double missingFraction(double[][] x, int c) {
        int missing = 0;
        for (double[] row : x) if (!Double.isFinite(row[c])) missing++;
        return missing / (double) x.length;
    }

    private static boolean varies(double[] values) {
        for (double v : values) if (v != values[0]) return true;
        return false;
    }

    private boolean nearlyConstant(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int longestRun = 1;
        int run = 1;
        for (int i = 1; i < sorted.length; i++) {
            run = sorted[i] == sorted[i - 1] ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
        }
        return longestRun / (double) values.length > nearConstant;
    }

    private boolean informativeBit(double[] values) {
        int set = 0;
        for (double v : values) if (v != 0) set++;
        return set >= minBitCount && set < values.length;
    }
}
