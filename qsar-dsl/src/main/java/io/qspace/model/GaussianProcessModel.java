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
    /** The builder's "priorMean" values. */
    static final java.util.List<String> PRIOR_MEANS = java.util.List.of("training", "kriging", "loo");

    private final RowKernel<Object> kernel;
    private final Object[] rows;
    private final double[] alpha;
    private final double mean;
    private final double scale;
    /** Observation noise in units of the scaled activity's variance, as the builder's "noise" parameter. */
    private final double noise;
    /** "" when fitted to every training row, else how the rows were sampled (null in models stored before). */
    private final String approximation;
    /**
     * For a kriging prior mean, (K + noise I)^-1 1 and 1' that: the mean's own uncertainty adds to the variance;
     * null for the training mean (and in models stored before).
     */
    private final double[] ones;
    private final double onesTotal;
    /** Lower triangle of the Cholesky factor of K + noise I, row by row. */
    private transient double[][] cholesky;

    @SuppressWarnings("unchecked")
    private GaussianProcessModel(RowKernel<?> kernel, Object[] rows, double[] alpha, double mean, double scale,
                                 double noise, double[] ones, double onesTotal, String approximation,
                                 double[][] cholesky) {
        this.ones = ones;
        this.onesTotal = onesTotal;
        this.kernel = (RowKernel<Object>) kernel;
        this.rows = rows;
        this.alpha = alpha;
        this.mean = mean;
        this.scale = scale;
        this.noise = noise;
        this.approximation = approximation;
        this.cholesky = cholesky;
    }

    /**
     * Exact GP regression: alpha = (K + noise I)^-1 (z - shift), z = (y - mean) / scale, through a Cholesky factor.
     * The prior mean, mean + scale * shift, is one of {@link #PRIOR_MEANS}: "training", the training activities' mean
     * (shift 0); "kriging", their generalised-least-squares mean 1' A^-1 z / 1' A^-1 1 with A = K + noise I
     * (ordinary kriging: a compound counts less the more it is like others); "loo", the constant that minimises the
     * leave-one-out squared error, in closed form: with a = A^-1 z, b = A^-1 1 and c = diag(A^-1), the held-out
     * residual of row i is (a_i - shift b_i) / c_i (Sundararajan and Keerthi's predictive choice of a GP's
     * hyper-parameters, here the mean's), so shift = sum a_i b_i / c_i^2 / sum b_i^2 / c_i^2.
     */
    static GaussianProcessModel fit(String builder, RowKernel<?> kernel, double[][] x, double[] y, double noise,
                                    String priorMean, String approximation) {
        Choices.checked(builder, "priorMean", PRIOR_MEANS, priorMean); // a value from elsewhere is not taken for loo
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
        if (priorMean.equals("training")) {
            return new GaussianProcessModel(kernel, rows, alpha, mean, scale, noise, null, 0, approximation, l);
        }
        boolean kriging = priorMean.equals("kriging"); // only kriging's mean carries its own variance
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        double[] ones = Triangular.backward(l, Triangular.forward(l, one));
        double onesTotal = 0;
        double shift = 0;
        if (kriging) {
            for (int i = 0; i < n; i++) {
                onesTotal += ones[i];
                shift += ones[i] * z[i];
            }
            shift /= onesTotal;
        } else { // loo
            double[] c = Triangular.inverseDiagonal(l);
            double ab = 0;
            double bb = 0;
            for (int i = 0; i < n; i++) {
                double c2 = c[i] * c[i];
                ab += alpha[i] * ones[i] / c2;
                bb += ones[i] * ones[i] / c2;
            }
            shift = ab / bb;
        }
        for (int i = 0; i < n; i++) {
            alpha[i] -= shift * ones[i]; // A^-1 (z - shift 1)
        }
        return new GaussianProcessModel(kernel, rows, alpha, mean + scale * shift, scale, noise,
                kriging ? ones : null, kriging ? onesTotal : 0, approximation, l);
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
        double meanTerm = 0; // with a kriging mean, its own uncertainty: (1 - 1' A^-1 k*)^2 / 1' A^-1 1
        if (ones != null) {
            double u = 1;
            for (int i = 0; i < rows.length; i++) {
                u -= ones[i] * kStar[i];
            }
            meanTerm = u * u / onesTotal;
        }
        return scale * scale * (Math.max(0, kernel.k(t, t) - vv) + meanTerm);
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
        return "Gaussian process (" + kernel + ", noise " + noise + ", prior mean " + mean + ", "
                + rows.length + " training compounds)";
    }
}
