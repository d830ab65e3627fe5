package io.qspace.model;

import smile.math.kernel.GaussianKernel;
import smile.regression.Regression;
import smile.regression.SVM;

/**
 * Epsilon support vector regression (Smile) with an RBF kernel, or the tanimoto (MinMax) kernel on fingerprint
 * counts ({@link #kernel}). gamma "scale" is scikit-learn's 1 / (p * var(X)),
 * var over every value of the (scaled) training matrix. scaling: "standardise", "raw", or "auto" = raw when every
 * training value is a non-negative integer (fingerprint counts), standardised otherwise (descriptors).
 */
public final class SvrBuilder extends KernelMachineBuilder<SvrBuilder> {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-3;

    SvrBuilder() {
        this(defaults());
    }

    private SvrBuilder(ParamGrid grid) {
        super("svr", grid);
    }

    private static ParamGrid defaults() {
        return ParamGrid.of("C", 1.0)
                .and("epsilon", 0.1)
                .and("gamma", "scale")
                .and("scaling", "auto")
                .and("exactUpTo", DEFAULT_EXACT_UP_TO)
                .and("landmarks", DEFAULT_LANDMARKS);
    }

    /**
     * Above this many training rows a fit switches from the exact solver (time about rows^2) to a Nystrom
     * approximation with {@link #landmarks} landmarks (time linear in rows). 4,000 keeps every MoleculeACE set exact
     * (the largest has about 2,900 training rows) at seconds per fit on fingerprints with the sparse kernel.
     */
    public static final int DEFAULT_EXACT_UP_TO = 4000;
    public static final int DEFAULT_LANDMARKS = 1000;

    /**
     * The largest training set fitted exactly; larger ones are fitted on a Nystrom approximation of the kernel
     * (recorded with the model and in the results' parameters). Integer.MAX_VALUE keeps every fit exact.
     */
    public SvrBuilder exactUpTo(int... rows) {
        return (SvrBuilder) with("exactUpTo", rowLimits("exactUpTo", rows));
    }

    /** Landmark rows sampled (seeded) for the Nystrom approximation; more is closer to exact and slower. */
    public SvrBuilder landmarks(int... landmarks) {
        for (int l : landmarks) {
            if (l < 10) {
                throw new IllegalArgumentException("svr: landmarks must be at least 10, got " + l);
            }
        }
        return (SvrBuilder) with("landmarks", boxed(landmarks));
    }

    public SvrBuilder epsilon(double... epsilon) {
        return (SvrBuilder) with("epsilon", boxed(epsilon));
    }

    @Override
    public ModelBuilder classifier() {
        return SvmBuilder.from(paramGrid());
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new SvrBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        double epsilon = p.getDouble("epsilon");
        double c = p.getDouble("C");
        boolean exact = x.length <= p.getInt("exactUpTo");
        int landmarks = p.getInt("landmarks");
        KernelRows kernel = KernelRows.of(p, x);
        if (kernel.tanimoto()) {
            if (!exact) {
                return NystromSvr.fit(x, y, rows -> new LandmarkKernel.Tanimoto(CountVector.of(name(), rows)), null,
                        c, epsilon, landmarks, seed);
            }
            return new CountsModel(SVM.fit(CountVector.of(name(), x), y, MinMaxKernel.INSTANCE, epsilon, c,
                    TOLERANCE));
        }
        double[][] xs = kernel.scaled(x);
        if (!exact) {
            return NystromSvr.fit(xs, y, rows -> new LandmarkKernel.Rbf(rows, kernel.gamma()), kernel.scaler(), c,
                    epsilon, landmarks, seed);
        }
        if (kernel.sparseCounts()) {
            return new CountsModel(SVM.fit(CountVector.of(name(), x), y, new SparseGaussianKernel(kernel.sigma()),
                    epsilon, c, TOLERANCE));
        }
        Regression<double[]> svr = SVM.fit(xs, y, new GaussianKernel(kernel.sigma()), epsilon, c, TOLERANCE);
        return new ScaledModel(kernel.scaler(), svr);
    }
}
