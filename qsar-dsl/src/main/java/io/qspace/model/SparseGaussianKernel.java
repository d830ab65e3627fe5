package io.qspace.model;

import smile.math.kernel.MercerKernel;

/**
 * Smile's Gaussian kernel exp(-0.5 (|u - v| / sigma)^2) read over the non-zero columns of two count vectors only.
 * On fingerprint counts (whole numbers) the squared distance is exact in any order, so the kernel values, and the
 * SVR fitted with them, are those of the dense kernel digit for digit, at the cost of the set bits instead of every
 * column.
 */
final class SparseGaussianKernel implements MercerKernel<CountVector> {
    private static final long serialVersionUID = 1L;

    private final double sigma;

    SparseGaussianKernel(double sigma) {
        this.sigma = sigma;
    }

    @Override
    public double k(CountVector a, CountVector b) {
        int[] ia = a.index();
        int[] ib = b.index();
        double[] ca = a.count();
        double[] cb = b.count();
        double s = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length || j < ib.length) {
            double d;
            if (j == ib.length || (i < ia.length && ia[i] < ib[j])) {
                d = ca[i++];
            } else if (i == ia.length || ia[i] > ib[j]) {
                d = cb[j++];
            } else {
                d = ca[i++] - cb[j++];
            }
            s += d * d;
        }
        double t = Math.sqrt(s) / sigma;
        return Math.exp(-0.5 * t * t);
    }

    @Override
    public double[] kg(CountVector a, CountVector b) {
        return new double[] {k(a, b)};
    }

    @Override
    public MercerKernel<CountVector> of(double[] params) {
        return new SparseGaussianKernel(params[0]);
    }

    @Override
    public double[] hyperparameters() {
        return new double[] {sigma};
    }

    @Override
    public double[] lo() {
        return new double[] {sigma};
    }

    @Override
    public double[] hi() {
        return new double[] {sigma};
    }

    @Override
    public String toString() {
        return "Gaussian kernel on sparse counts (sigma=" + sigma + ")";
    }
}
