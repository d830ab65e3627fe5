package io.qspace.model;

import java.util.List;

/**
 * What support vector regression and classification share: C, the kernel (rbf, tanimoto or auto), gamma and the
 * scaling of the rows, and how a point turns those into the rows and kernel it fits on ({@link KernelRows}).
 *
 * @param <B> the builder itself, so that setters keep its type
 */
public abstract class KernelMachineBuilder<B extends KernelMachineBuilder<B>> extends GridBuilder {
    private static final long serialVersionUID = 1L;

    protected KernelMachineBuilder(String name, ParamGrid grid) {
        super(name, grid);
    }

    @SuppressWarnings("unchecked")
    private B self(GridBuilder builder) {
        return (B) builder;
    }

    public B c(double... c) {
        return self(with("C", boxed(c)));
    }

    public B gamma(double... gamma) {
        return self(with("gamma", boxed(gamma)));
    }

    /** gamma = 1 / (p * var(X)), recomputed on each training set. */
    public B gammaScale() {
        return self(with("gamma", "scale"));
    }

    /**
     * "rbf" (the default), "tanimoto" (MinMax on fingerprint counts: sum of minima over sum of maxima; needs
     * non-negative features) or "auto" (tanimoto when every training value is a count, RBF otherwise). gamma and
     * scaling apply to RBF only. The parameter is shown once set, so a plain builder keeps its earlier identity.
     */
    public B kernel(String... kernels) {
        return self(create(paramGrid().with("kernel", Kernels.checked(name(), kernels))));
    }

    /**
     * Class weights of the SVM classifier: "auto" (balanced when a class is under 20 percent, the default), "balanced"
     * or "none"; each class's C is multiplied by its weight (libsvm's and scikit-learn's class_weight). No effect on
     * a regression.
     */
    public B classWeight(String... modes) {
        return self(withClassWeight(modes));
    }

    /** "standardise", "raw" or "auto". */
    public B scaling(String... scalings) {
        for (String s : scalings) {
            if (!List.of("standardise", "raw", "auto").contains(s)) {
                throw new IllegalArgumentException(name() + ": scaling is standardise, raw or auto, got " + s);
            }
        }
        return self(with("scaling", (Object[]) scalings));
    }

    /**
     * The rows and kernel one point fits on: tanimoto on fingerprint counts; else RBF with gamma (scikit-learn's
     * "scale" unless given) on rows standardised or raw, raw counts read sparsely.
     *
     * @param tanimoto     the MinMax kernel on counts
     * @param scaler       the standardisation of the rows, null for raw rows
     * @param gamma        the RBF's gamma, on the scaled rows (NaN for tanimoto)
     * @param sparseCounts RBF on raw fingerprint counts: the same kernel values read over the set bits only
     */
    protected record KernelRows(boolean tanimoto, Standardiser scaler, double gamma, boolean sparseCounts) {
        static KernelRows of(Params p, double[][] x) {
            if (p.has("kernel") && Kernels.resolve(p.getString("kernel"), x).equals("tanimoto")) {
                return new KernelRows(true, null, Double.NaN, true);
            }
            String scaling = p.getString("scaling");
            boolean standardise = scaling.equals("standardise") || (scaling.equals("auto") && !Kernels.isCounts(x));
            Standardiser scaler = standardise ? Standardiser.fit(x) : null;
            double[][] xs = standardise ? scaler.apply(x) : x;
            Object gammaValue = p.get("gamma");
            double gamma = gammaValue instanceof Number g ? g.doubleValue() : Kernels.scaleGamma(xs);
            return new KernelRows(false, scaler, gamma, !standardise && Kernels.isCounts(x));
        }

        double[][] scaled(double[][] x) {
            return scaler == null ? x : scaler.apply(x);
        }

        /** Smile's Gaussian kernel is exp(-|u-v|^2 / (2 sigma^2)), so gamma = 1 / (2 sigma^2). */
        double sigma() {
            return Math.sqrt(1.0 / (2.0 * gamma));
        }
    }
}
