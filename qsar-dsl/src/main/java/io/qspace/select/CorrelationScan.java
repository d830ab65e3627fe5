package io.qspace.select;

/**
 * Drops descriptors that repeat an earlier one: columns are scanned in matrix order and a column is dropped when its
 * |Pearson r| with any column already kept exceeds the threshold, so of each redundant pair the earlier survives.
 * Comparing only against kept columns means a chain A~B, B~C with A not ~ C keeps A and C.
 */
final class CorrelationScan {
    private CorrelationScan() {}

    /**
     * @param columns column-major values, columns[c][row], no missing values, none constant
     * @return for each column whether it is kept
     */
    static boolean[] keep(double[][] columns, double maxCorrelation) {
        int p = columns.length;
        // Unit-length centred columns turn every Pearson r into one dot product.
        double[][] unit = new double[p][];
        for (int c = 0; c < p; c++) unit[c] = Pearson.unitCentred(columns[c]);
        boolean[] kept = new boolean[p];
        int[] keptSoFar = new int[p];
        int keptCount = 0;
        for (int c = 0; c < p; c++) {
            boolean redundant = false;
            for (int k = 0; k < keptCount && !redundant; k++) {
                redundant = Math.abs(Pearson.dot(unit[c], unit[keptSoFar[k]])) > maxCorrelation;
            }
            if (!redundant) {
                kept[c] = true;
                keptSoFar[keptCount++] = c;
            }
        }
        return kept;
    }
}
