package io.qspace.model;

import java.util.List;

/**
 * The kernels the kernel builders (SVR, Gaussian process) offer, and how "auto" picks one: tanimoto (MinMax) when
 * every training value is a non-negative whole number, as in fingerprint counts, RBF otherwise (descriptors).
 */
final class Kernels {
    static final List<String> NAMES = List.of("rbf", "tanimoto", "auto");

    private Kernels() {}

    /** The kernel names a setter was given, checked. */
    static Object[] checked(String builder, String... kernels) {
        return Choices.checked(builder, "kernel", NAMES, kernels);
    }

    /** "rbf" or "tanimoto": what the kernel parameter means on these training rows. */
    static String resolve(String kernel, double[][] x) {
        return kernel.equals("auto") ? (isCounts(x) ? "tanimoto" : "rbf") : kernel;
    }

    /** True when every value is a non-negative whole number: fingerprint counts or bits. */
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

    /** scikit-learn's gamma "scale" for the RBF kernel: 1 / (p * var(X)), var over every value of the matrix. */
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
