package io.qspace.model;

/**
 * A Gaussian-process regression fitted by {@link GaussianProcessBuilder}: the predictive mean, and its variance, which
 * grows away from the training compounds. Activities are centred and scaled inside, so the kernel's prior variance is
 * the training activities' variance.
 *
 * <p>The model keeps the training rows and their weights; the Cholesky factor that the variance needs is recomputed
 * once after the model is read back from the store rather than stored (it is n x n).
 */
public final class GaussianProcessModel implements Model, Approximation {
    private static final long serialVersionUID = 1L;

    private final RowKernel<Object> kernel;
    private final Object[] rows;
    private final double[] alpha;
    private final double mean;
    private final double scale;
    /** Observation noise in units of the scaled activity's variance, as the builder's "noise" parameter. */
    private final double noise;
    /** "" when fitted to every training row, else how the rows were sampled (null in models stored before). */
    private final String approximation;
    /** Lower triangle of the Cholesky factor of K + noise I, row by row. */
    private transient double[][] cholesky;

    @SuppressWarnings("unchecked")
    private GaussianProcessModel(RowKernel<?> kernel, Object[] rows, double[] alpha, double mean, double scale,
                                 double noise, String approximation, double[][] cholesky) {
        this.kernel = (RowKernel<Object>) kernel;
        this.rows = rows;
        this.alpha = alpha;
        this.mean = mean;
        this.scale = scale;
        this.noise = noise;
        this.approximation = approximation;
        this.cholesky = cholesky;
    }

    /** Exact GP regression: alpha = (K + noise I)^-1 (y - mean) / scale, through a Cholesky factor. */
    static GaussianProcessModel fit(String builder, RowKernel<?> kernel, double[][] x, double[] y, double noise,
                                    String approximation) {
        @SuppressWarnings("unchecked")
        RowKernel<Object> k = (RowKernel<Object>) kernel;
        Object[] rows = k.forms(builder, x);
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / n);
        double scale = sd > 1e-12 ? sd : 1.0;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        double[][] l = cholesky(builder, k, rows, noise);
        double[] alpha = Triangular.backward(l, Triangular.forward(l, z));
        return new GaussianProcessModel(kernel, rows, alpha, mean, scale, noise, approximation, l);
    }

    /** The predicted activity: the posterior mean. */
    @Override
    public double predict(double[] x) {
        Object t = kernel.form(x);
        double s = 0;
        for (int i = 0; i < rows.length; i++) {
            s += alpha[i] * kernel.k(rows[i], t);
        }
        return mean + scale * s;
    }

    /**
     * The posterior variance of the predicted activity at x, in squared activity units: near zero on a training
     * compound (when the noise is small), rising toward the activities' variance far from every training compound.
     * The variance of a new measurement adds {@link #noiseVariance()}.
     */
    public double variance(double[] x) {
        Object t = kernel.form(x);
        double[] kStar = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            kStar[i] = kernel.k(rows[i], t);
        }
        double[] v = Triangular.forward(factor(), kStar);
        double vv = 0;
        for (double value : v) {
            vv += value * value;
        }
        return scale * scale * Math.max(0, kernel.k(t, t) - vv);
    }

    /** The posterior variance of each row's prediction. */
    public double[] variance(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = variance(x[i]);
        }
        return out;
    }

    /** The square root of {@link #variance(double[])}. */
    public double sd(double[] x) {
        return Math.sqrt(variance(x));
    }

    /** The observation noise the model was fitted with, in squared activity units. */
    public double noiseVariance() {
        return noise * scale * scale;
    }

    /** The number of training compounds the model keeps. */
    public int size() {
        return rows.length;
    }

    private synchronized double[][] factor() {
        if (cholesky == null) {
            cholesky = cholesky("gp", kernel, rows, noise);
        }
        return cholesky;
    }

    /** L with L L' = K + noise I, lower triangle only (row i has i + 1 entries). */
    private static double[][] cholesky(String builder, RowKernel<Object> kernel, Object[] rows, double noise) {
        int n = rows.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                li[j] = kernel.k(rows[i], rows[j]);
            }
            li[i] += noise;
            for (int j = 0; j < i; j++) {
                double[] lj = l[j];
                double s = li[j];
                for (int m = 0; m < j; m++) {
                    s -= li[m] * lj[m];
                }
                li[j] = s / lj[j];
            }
            double d = li[i];
            for (int m = 0; m < i; m++) {
                d -= li[m] * li[m];
            }
            if (!(d > 0)) {
                throw new IllegalStateException(builder + ": the kernel matrix plus noise " + noise
                        + " is not positive definite at training row " + (i + 1) + ": raise the noise");
            }
            li[i] = Math.sqrt(d);
            l[i] = li;
        }
        return l;
    }


    @Override
    public String approximation() {
        return approximation == null ? "" : approximation;
    }

    @Override
    public String toString() {
        return "Gaussian process (" + kernel + ", noise " + noise + ", " + rows.length + " training compounds)";
    }
}
