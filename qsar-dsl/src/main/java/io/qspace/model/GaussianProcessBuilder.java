package io.qspace.model;

/**
 * Gaussian-process regression (exact, through a Cholesky factor): on fingerprint counts with the tanimoto (MinMax)
 * kernel, on descriptors with an RBF kernel on standardised features (gamma "scale"). Activities are centred and
 * scaled, so "noise" is the measurement noise as a fraction of the activities' variance: the parameter to tune
 * ({@code noise(0.03, 0.1, 0.3)}). The model ({@link GaussianProcessModel}) gives the predictive variance too. Cost
 * grows as n^3 / 6 in the training compounds (about a second at 2,000), so above {@code exactUpTo} training rows
 * (default {@value #DEFAULT_EXACT_UP_TO}) the process is fitted to a seeded random sample of that many rows, which the
 * results' parameters record ({@code fitted=subsample(4000 of 12000 rows)}); at or below it there is no randomness.
 */
public final class GaussianProcessBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;
    /** Training rows above which the process is fitted to a seeded sample of this many (seconds per fit, not hours). */
    static final int DEFAULT_EXACT_UP_TO = 4_000;

    GaussianProcessBuilder() {
        this(ParamGrid.of("kernel", "auto").and("noise", 0.1).and("exactUpTo", DEFAULT_EXACT_UP_TO));
    }

    private GaussianProcessBuilder(ParamGrid grid) {
        super("gp", grid);
    }

    /** "auto" (tanimoto on fingerprint counts, RBF otherwise), "tanimoto" or "rbf". */
    public GaussianProcessBuilder kernel(String... kernels) {
        return (GaussianProcessBuilder) with("kernel", Kernels.checked(name(), kernels));
    }

    /** Measurement noise as a fraction of the training activities' variance, greater than zero. */
    public GaussianProcessBuilder noise(double... noise) {
        for (double v : noise) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("gp: noise is a fraction of the activity variance above 0, got "
                        + v);
            }
        }
        return (GaussianProcessBuilder) with("noise", boxed(noise));
    }

    /**
     * The process's constant prior mean, what it predicts far from every training compound: "training" (the training
     * activities' mean, the default); "kriging" (the generalised-least-squares mean of ordinary kriging, in which
     * compounds of a tight series count as fewer than their number, so a well-explored potent series does not lift
     * what is expected of a compound unlike any of them); or "loo" (the constant whose leave-one-out predictions of
     * the training compounds are best, in closed form: in QSAR sets compounds unlike the others tend to be less
     * active than the series around them, and the held-out errors say by how much). Each is fitted on the training
     * rows only, so inside every CV fold on that fold's rows.
     */
    public GaussianProcessBuilder priorMean(String... means) {
        // not in the default grid, so a process that never names it keeps its parameters (and stored ids)
        return (GaussianProcessBuilder) create(paramGrid().with("priorMean",
                Choices.checked(name(), "priorMean", GaussianProcessModel.PRIOR_MEANS, means)));
    }

    /** Training rows up to which the process is exact; above, it is fitted to a seeded sample of this many rows. */
    public GaussianProcessBuilder exactUpTo(int... rows) {
        return (GaussianProcessBuilder) with("exactUpTo", rowLimits("exactUpTo", rows));
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new GaussianProcessBuilder(grid);
    }

    @Override
    protected GaussianProcessModel fitPoint(double[][] x, double[] y, long seed, Params p) {
        int limit = p.getInt("exactUpTo");
        if (x.length <= limit) {
            return GaussianProcessModel.fit(name(), RowKernel.fit(p.getString("kernel"), x), x, y,
                    p.getDouble("noise"), priorMean(p), "");
        }
        int[] rows = java.util.Arrays.copyOf(io.qspace.split.Shuffle.permutation(x.length, seed), limit);
        java.util.Arrays.sort(rows);
        double[][] xs = new double[limit][];
        double[] ys = new double[limit];
        for (int i = 0; i < limit; i++) {
            xs[i] = x[rows[i]];
            ys[i] = y[rows[i]];
        }
        return GaussianProcessModel.fit(name(), RowKernel.fit(p.getString("kernel"), xs), xs, ys,
                p.getDouble("noise"), priorMean(p), "subsample(" + limit + " of " + x.length + " rows)");
    }

    /** The prior mean; a grid that never named it (as before it existed) has the training mean. */
    private static String priorMean(Params p) {
        return p.has("priorMean") ? p.getString("priorMean") : "training";
    }
}
