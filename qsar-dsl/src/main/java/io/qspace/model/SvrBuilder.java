package io.qspace.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.math.kernel.GaussianKernel;
import smile.regression.Regression;
import smile.regression.SVM;

/**
 * Epsilon support vector regression with an RBF kernel (Smile). gamma "scale" is scikit-learn's 1 / (p * var(X)),
 * var over every value of the (scaled) training matrix. scaling: "standardise", "raw", or "auto" = raw when every
 * training value is a non-negative integer (fingerprint counts), standardised otherwise (descriptors).
 */
public final class SvrBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-3;

    SvrBuilder() {
        this(defaults());
    }

    private SvrBuilder(Map<String, List<Object>> values) {
        super("svr", values);
    }

    private static Map<String, List<Object>> defaults() {
        LinkedHashMap<String, List<Object>> v = new LinkedHashMap<>();
        v.put("C", List.of(1.0));
        v.put("epsilon", List.of(0.1));
        v.put("gamma", List.of("scale"));
        v.put("scaling", List.of("auto"));
        return v;
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
    protected GridBuilder create(Map<String, List<Object>> values) {
        return new SvrBuilder(values);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed) {
        String scaling = (String) value("scaling");
        boolean standardise = scaling.equals("standardise") || (scaling.equals("auto") && !isCounts(x));
        Standardiser scaler = standardise ? Standardiser.fit(x) : null;
        double[][] xs = standardise ? scaler.apply(x) : x;
        Object gammaValue = value("gamma");
        double gamma = gammaValue instanceof Number g ? g.doubleValue() : scaleGamma(xs);
        // Smile's Gaussian kernel is exp(-|u-v|^2 / (2 sigma^2)), so gamma = 1 / (2 sigma^2).
        double sigma = Math.sqrt(1.0 / (2.0 * gamma));
        Regression<double[]> svr = SVM.fit(xs, y, new GaussianKernel(sigma), doubleValue("epsilon"),
                doubleValue("C"), TOLERANCE);
        return new ScaledModel(scaler, svr);
    }

    static boolean isCounts(double[][] x) {
        for (double[] row : x) {
            for (double v : row) {
                if (v < 0 || v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    static double scaleGamma(double[][] x) {
        long count = 0;
        double mean = 0;
        double m2 = 0;
        for (double[] row : x) {
            for (double v : row) {
                count++;
                double d = v - mean;
                mean += d / count;
                m2 += d * (v - mean);
            }
        }
        double variance = m2 / count;
        // scikit-learn falls back to gamma 1 when X is constant; do the same rather than divide by zero.
        return variance > 0 ? 1.0 / (x[0].length * variance) : 1.0;
    }
}
