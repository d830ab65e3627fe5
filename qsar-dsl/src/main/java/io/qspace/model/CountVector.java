package io.qspace.model;

import java.io.Serializable;

/**
 * A row of non-negative counts (a fingerprint's) kept sparse: the columns that are not zero, their counts, and the
 * row's total, which is all the MinMax kernel needs.
 */
record CountVector(int[] index, double[] count, double total) implements Serializable {

    /** A row as counts; negative values (a descriptor the training rows never had below zero) count as zero. */
    static CountVector of(double[] row) {
        int nonZero = 0;
        for (double v : row) {
            if (v > 0) {
                nonZero++;
            }
        }
        int[] index = new int[nonZero];
        double[] count = new double[nonZero];
        double total = 0;
        int k = 0;
        for (int j = 0; j < row.length; j++) {
            if (row[j] > 0) {
                index[k] = j;
                count[k++] = row[j];
                total += row[j];
            }
        }
        return new CountVector(index, count, total);
    }

    /** Training rows as counts; a negative value is an error, since MinMax is a kernel on non-negative rows only. */
    static CountVector[] of(String builder, double[][] x) {
        CountVector[] out = new CountVector[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!(x[i][j] >= 0)) {
                    throw new IllegalArgumentException(builder + ": the tanimoto kernel needs non-negative features"
                            + " such as fingerprint counts, but training row " + (i + 1) + ", feature " + (j + 1)
                            + " is " + x[i][j] + ": use kernel \"auto\" (tanimoto on fingerprints, RBF otherwise)"
                            + " or \"rbf\" for this feature set");
                }
            }
            out[i] = of(x[i]);
        }
        return out;
    }
}
