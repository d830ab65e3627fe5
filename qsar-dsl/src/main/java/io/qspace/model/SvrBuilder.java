package io.qspace.model;

import java.util.List;
import smile.math.kernel.GaussianKernel;
import smile.regression.Regression;
import smile.regression.SVM;

/**
 * Epsilon support vector regression (Smile) with an RBF kernel, or the tanimoto (MinMax) kernel on fingerprint
 * counts ({@link #kernel}). gamma "scale" is scikit-learn's 1 / (p * var(X)),
 * var over every value of the (scaled) training matrix. scaling: "standardise", "raw", or "auto" = raw when every
 * training value is a non-negative integer (fingerprint counts), standardised otherwise (descriptors).
 */
public final class SvrBuilder extends GridBuilder {
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
        for (int r : rows) {
            if (r < 1) {
                throw new IllegalArgumentException("svr: exactUpTo must be at least 1 training row, got " + r);
            }
        }
        return (SvrBuilder) with("exactUpTo", boxed(rows));
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

    public SvrBuilder c(double... c) {
        return (SvrBuilder) with("C", boxed(c));
    }

    public SvrBuilder epsilon(double... epsilon) {
        return (SvrBuilder) with("epsilon", boxed(epsilon));
    }

    public SvrBuilder gamma(double... gamma) {
        return (SvrBuilder) with("gamma", boxed(gamma));
    }

    /** gamma = 1 / (p * var(X)), recomputed on each training set. */
    public SvrBuilder gammaScale() {
        return (SvrBuilder) with("gamma", "scale");
    }

    /**
     * "rbf" (the default), "tanimoto" (MinMax on fingerprint counts: sum of minima over sum of maxima; needs
     * non-negative features) or "auto" (tanimoto when every training value is a count, RBF otherwise). gamma and
     * scaling apply to RBF only. The parameter is shown once set, so a plain svr() keeps its earlier identity.
     */
    public SvrBuilder kernel(String... kernels) {
        return (SvrBuilder) create(paramGrid().with("kernel", Kernels.checked(name(), kernels)));
    }

    /** "standardise", "raw" or "auto". */
    public SvrBuilder scaling(String... scalings) {
        for (String s : scalings) {
            if (!List.of("standardise", "raw", "auto").contains(s)) {
                throw new IllegalArgumentException("svr: scaling is standardise, raw or auto, got " + s);
            }
        }
        return (SvrBuilder) with("scaling", (Object[]) scalings);
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
        if (p.has("kernel") && Kernels.resolve(p.getString("kernel"), x).equals("tanimoto")) {
            if (!exact) {
                return NystromSvr.fit(x, y, rows -> new LandmarkKernel.Tanimoto(CountVector.of(name(), rows)), null,
                        c, epsilon, landmarks, seed);
            }
            return new CountsModel(SVM.fit(CountVector.of(name(), x), y, MinMaxKernel.INSTANCE, epsilon, c,
                    TOLERANCE));
        }
        String scaling = p.getString("scaling");
        boolean standardise = scaling.equals("standardise") || (scaling.equals("auto") && !Kernels.isCounts(x));
        Standardiser scaler = standardise ? Standardiser.fit(x) : null;
        double[][] xs = standardise ? scaler.apply(x) : x;
        Object gammaValue = p.get("gamma");
        double gamma = gammaValue instanceof Number g ? g.doubleValue() : Kernels.scaleGamma(xs);
        // Smile's Gaussian kernel is exp(-|u-v|^2 / (2 sigma^2)), so gamma = 1 / (2 sigma^2).
        double sigma = Math.sqrt(1.0 / (2.0 * gamma));
        if (!exact) {
            return NystromSvr.fit(xs, y, rows -> new LandmarkKernel.Rbf(rows, gamma), scaler, c, epsilon, landmarks,
                    seed);
        }
        if (!standardise && Kernels.isCounts(x)) {
            // Raw fingerprint counts: the same kernel values read over the set bits only (exact on whole numbers).
            return new CountsModel(SVM.fit(CountVector.of(name(), x), y, new SparseGaussianKernel(sigma), epsilon, c,
                    TOLERANCE));
        }
        Regression<double[]> svr = SVM.fit(xs, y, new GaussianKernel(sigma), epsilon, c, TOLERANCE);
        return new ScaledModel(scaler, svr);
    }
}
