package io.qspace.model;

import java.util.List;

/**
 * Per-compound weights that make a rare class count as much as a common one in a fitter's loss, for fitters that take
 * sample weights (logistic regression, gradient boosting, MLP, forest and tree) or a C per class (SVM). "balanced" gives each compound n / (2 n_class) as
 * scikit-learn's class_weight="balanced"; "none" gives 1; "auto" (the default) is balanced when a class holds under
 * {@link #AUTO_BELOW} of the compounds, none otherwise.
 */
public final class ClassWeights {
    private ClassWeights() {}

    public static final double AUTO_BELOW = 0.2;
    static final List<String> MODES = List.of("auto", "balanced", "none");

    static Object[] checked(String builder, String... modes) {
        return Choices.checked(builder, "classWeight", MODES, modes);
    }

    /** The weight of each compound of classes y (0 or 1), null when every weight is 1. */
    static double[] of(String mode, double[] y) {
        double[] perClass = perClass(mode, y);
        if (perClass == null) {
            return null;
        }
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = perClass[y[i] == 1 ? 1 : 0];
        }
        return w;
    }

    /** The weights of class 0 and class 1 in classes y, null when both are 1. */
    static double[] perClass(String mode, double[] y) {
        int n = y.length;
        double actives = 0;
        for (double v : y) actives += v;
        double inactives = n - actives;
        boolean balanced = mode.equals("balanced")
                || (mode.equals("auto") && Math.min(actives, inactives) < AUTO_BELOW * n);
        if (!balanced || actives == 0 || inactives == 0) {
            return null;
        }
        return new double[] {n / (2.0 * inactives), n / (2.0 * actives)};
    }
}
