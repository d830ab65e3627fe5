package io.qspace.model;

/**
 * Gaussian-process regression (exact, through a Cholesky factor): on fingerprint counts with the tanimoto (MinMax)
 * kernel, on descriptors with an RBF kernel on standardised features (gamma "scale"). Activities are centred and
 * scaled, so "noise" is the measurement noise as a fraction of the activities' variance: the parameter to tune
 * ({@code noise(0.03, 0.1, 0.3)}). The model ({@link GaussianProcessModel}) gives the predictive variance too. No
 * randomness: the seed is unused. Cost grows as n^3 / 6 in the training compounds (about a second at 2,000).
 */
public final class GaussianProcessBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    GaussianProcessBuilder() {
        this(ParamGrid.of("kernel", "auto").and("noise", 0.1));
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

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new GaussianProcessBuilder(grid);
    }

    @Override
    protected GaussianProcessModel fitPoint(double[][] x, double[] y, long seed, Params p) {
        return GaussianProcessModel.fit(name(), RowKernel.fit(p.getString("kernel"), x), x, y, p.getDouble("noise"));
    }
}
