package io.qspace.model.loss;

/**
 * The logistic (binary cross-entropy) loss the classifiers share: logistic regression, boosting and the MLP.
 * Computed without overflow for any score.
 */
public final class Logistic {
    private Logistic() {}

    /** The probability of class 1 for a log-odds score z. */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** -log P(y | z) for a class y of 0 or 1: log(1 + e^z) - y z. */
    public static double loss(double z, double y) {
        return (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
    }

    /** The best constant score: the log-odds of the (weighted) fraction of class 1, held off plus or minus infinity. */
    public static double baseLogOdds(double[] y, double[] weights) {
        double positive = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            positive += w * y[i];
            total += w;
        }
        double fraction = Math.min(1 - 1e-12, Math.max(1e-12, positive / total));
        return Math.log(fraction / (1 - fraction));
    }
}
