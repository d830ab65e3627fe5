package io.qspace.model;

import smile.math.kernel.MercerKernel;

/**
 * The MinMax kernel on count vectors, sum of minima over sum of maxima: the Tanimoto (Jaccard) similarity when the
 * counts are 0/1 bits, and its usual generalisation to fingerprint counts. Positive semi-definite on non-negative
 * rows; two empty rows are identical (1). No hyper-parameters.
 */
final class MinMaxKernel implements MercerKernel<CountVector> {
    private static final long serialVersionUID = 1L;

    static final MinMaxKernel INSTANCE = new MinMaxKernel();

    private MinMaxKernel() {}

    /** The kernel on plain rows, for reading and testing: sum_j min(a_j, b_j) / sum_j max(a_j, b_j). */
    static double similarity(double[] a, double[] b) {
        double min = 0;
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            min += Math.min(a[j], b[j]);
            max += Math.max(a[j], b[j]);
        }
        return max == 0 ? 1.0 : min / max;
    }

    @Override
    public double k(CountVector a, CountVector b) {
        // Over the columns both rows have: sum max = total a + total b - sum min, as every count is non-negative.
        int[] ia = a.index();
        int[] ib = b.index();
        double[] ca = a.count();
        double[] cb = b.count();
        double min = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] < ib[j]) {
                i++;
            } else if (ia[i] > ib[j]) {
                j++;
            } else {
                min += Math.min(ca[i++], cb[j++]);
            }
        }
        double max = a.total() + b.total() - min;
        return max == 0 ? 1.0 : min / max;
    }

    @Override
    public double[] kg(CountVector a, CountVector b) {
        return new double[] {k(a, b)};
    }

    @Override
    public MercerKernel<CountVector> of(double[] params) {
        return this;
    }

    @Override
    public double[] hyperparameters() {
        return new double[0];
    }

    @Override
    public double[] lo() {
        return new double[0];
    }

    @Override
    public double[] hi() {
        return new double[0];
    }

    @Override
    public String toString() {
        return "MinMax (Tanimoto) kernel";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
