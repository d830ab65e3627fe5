package io.qspace.select;

/** Pearson correlation as dot products of centred, unit-length vectors. */
final class Pearson {
    private Pearson() {}

    /** The values minus their mean, scaled to length 1; all zeros when the values do not vary. */
    static double[] unitCentred(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        double[] unit = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            unit[i] = values[i] - mean;
            norm += unit[i] * unit[i];
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || !Double.isFinite(norm)) return new double[n];
        for (int i = 0; i < n; i++) unit[i] /= norm;
        return unit;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** Column c of row-major x. */
    static double[] column(double[][] x, int c) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) values[i] = x[i][c];
        return values;
    }
}
