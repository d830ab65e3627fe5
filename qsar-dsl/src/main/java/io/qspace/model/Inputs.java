package io.qspace.model;

/** Checks the shape of training data once, so every builder fails with the same clear message. */
final class Inputs {
    private Inputs() {}

    static void check(String builder, double[][] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(builder + ": x and y must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(builder + ": no training rows");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(builder + ": " + x.length + " rows but " + y.length + " activities");
        }
        int p = x[0].length;
        for (double[] row : x) {
            if (row.length != p) {
                throw new IllegalArgumentException(builder + ": rows have different lengths (" + p + " and "
                        + row.length + ")");
            }
        }
        if (p == 0) {
            throw new IllegalArgumentException(builder + ": no features");
        }
    }
}
