package io.qspace.model;

import io.qspace.model.loss.Logistic;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * L2-regularised logistic regression for two classes, as scikit-learn's LogisticRegression(penalty="l2", C): on
 * standardised features, minimises C x (weighted log loss) + |w|^2 / 2 (the intercept unpenalised) with Smile's
 * L-BFGS. Class weights from {@link ClassWeights} ("auto": balanced when a class is under 20%). The model predicts
 * the probability of class 1. The classifier counterpart of mlr.
 */
public final class LogisticBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ITERATIONS = 500;

    LogisticBuilder() {
        this(ParamGrid.of("C", 0.01, 0.1, 1.0, 10.0).and("classWeight", "auto"));
    }

    private LogisticBuilder(ParamGrid grid) {
        super("logistic", grid);
    }

    /** The inverse regularisation strength: larger C fits the training classes more closely. */
    public LogisticBuilder c(double... c) {
        for (double v : c) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("logistic: C must be positive, got " + v);
            }
        }
        return (LogisticBuilder) with("C", boxed(c));
    }

    /** "auto", "balanced" or "none". */
    public LogisticBuilder classWeight(String... modes) {
        return (LogisticBuilder) with("classWeight", ClassWeights.checked(name(), modes));
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new LogisticBuilder(grid);
    }

    @Override
    public ModelBuilder classifier() {
        return this;
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        Standardiser scaler = Standardiser.fit(x);
        double[][] xs = scaler.apply(x);
        double[] weights = ClassWeights.of(p.getString("classWeight"), y);
        double c = p.getDouble("C");
        int d = xs[0].length;
        double[] theta = new double[d + 1]; // coefficients, then the intercept
        DifferentiableMultivariateFunction loss = new DifferentiableMultivariateFunction() {
            @Override
            public double f(double[] t) {
                return g(t, new double[t.length]);
            }

            @Override
            public double g(double[] t, double[] gradient) {
                java.util.Arrays.fill(gradient, 0);
                double total = 0;
                for (int i = 0; i < xs.length; i++) {
                    double z = t[d];
                    for (int j = 0; j < d; j++) z += t[j] * xs[i][j];
                    double w = c * (weights == null ? 1 : weights[i]);
                    total += w * Logistic.loss(z, y[i]);
                    double residual = w * (Logistic.sigmoid(z) - y[i]);
                    for (int j = 0; j < d; j++) gradient[j] += residual * xs[i][j];
                    gradient[d] += residual;
                }
                for (int j = 0; j < d; j++) {
                    total += 0.5 * t[j] * t[j];
                    gradient[j] += t[j];
                }
                return total;
            }
        };
        BFGS.minimize(loss, 5, theta, 1e-5, MAX_ITERATIONS);
        double[] coefficients = java.util.Arrays.copyOf(theta, d);
        return new Fitted(scaler, coefficients, theta[d]);
    }

    /** The fitted probability of class 1: the sigmoid of a linear score on standardised features. */
    record Fitted(Standardiser scaler, double[] coefficients, double intercept) implements Model {
        @Override
        public double predict(double[] x) {
            double[] s = scaler.apply(x);
            double z = intercept;
            for (int j = 0; j < coefficients.length; j++) z += coefficients[j] * s[j];
            return Logistic.sigmoid(z);
        }
    }
}
