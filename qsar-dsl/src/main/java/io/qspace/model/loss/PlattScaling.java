package io.qspace.model.loss;

import java.io.Serializable;

/**
 * Platt's sigmoid from scores to probabilities, P(active | s) = 1 / (1 + exp(a s + b)), fitted by Newton's method
 * with backtracking on the regularised targets of Platt (1999) as improved by Lin, Lin and Weng (2007), the
 * algorithm of libsvm and scikit-learn. Fit it on out-of-fold scores, never on the scores of the rows a model saw.
 */
public record PlattScaling(double a, double b) implements Serializable {

    public static PlattScaling fit(double[] scores, double[] classes) {
        if (scores.length != classes.length || scores.length == 0) {
            throw new IllegalArgumentException("Platt scaling needs as many classes as scores, and some: "
                    + scores.length + " scores, " + classes.length + " classes");
        }
        int n = scores.length;
        double positives = 0;
        for (double c : classes) positives += c;
        double negatives = n - positives;
        double hiTarget = (positives + 1) / (positives + 2);
        double loTarget = 1 / (negatives + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = classes[i] == 1 ? hiTarget : loTarget;
        double a = 0;
        double b = Math.log((negatives + 1) / (positives + 1));
        double f = objective(scores, t, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = scores[i] * a + b;
                double p, q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
                    q = 1 / (1 + Math.exp(-fApB));
                } else {
                    p = 1 / (1 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                double d1 = t[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(scores, t, newA, newB);
                if (newF < f + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    f = newF;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    public double probability(double score) {
        double fApB = score * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
    }

    private static double objective(double[] s, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < s.length; i++) {
            double fApB = s[i] * a + b;
            f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }
}
