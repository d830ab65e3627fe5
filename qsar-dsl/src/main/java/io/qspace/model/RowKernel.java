package io.qspace.model;

import java.io.Serializable;

/**
 * A kernel together with the form of the rows it compares, learnt on the training rows: tanimoto on sparse counts,
 * or RBF exp(-gamma |u - v|^2) on standardised rows with gamma "scale".
 */
abstract class RowKernel<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A raw row in the form the kernel reads. */
    abstract T form(double[] row);

    /** The training rows in that form; refuses rows the kernel cannot take, naming the builder. */
    abstract T[] forms(String builder, double[][] x);

    abstract double k(T a, T b);

    /** The kernel named ("rbf", "tanimoto" or "auto") fitted to the training rows x. */
    static RowKernel<?> fit(String kernel, double[][] x) {
        if (Kernels.resolve(kernel, x).equals("tanimoto")) {
            return new Tanimoto();
        }
        Standardiser scaler = Standardiser.fit(x);
        return new Rbf(scaler, Kernels.scaleGamma(scaler.apply(x)));
    }

    static final class Tanimoto extends RowKernel<CountVector> {
        private static final long serialVersionUID = 1L;

        @Override
        CountVector form(double[] row) {
            return CountVector.of(row);
        }

        @Override
        CountVector[] forms(String builder, double[][] x) {
            return CountVector.of(builder, x);
        }

        @Override
        double k(CountVector a, CountVector b) {
            return MinMaxKernel.INSTANCE.k(a, b);
        }

        @Override
        public String toString() {
            return "tanimoto";
        }
    }

    static final class Rbf extends RowKernel<double[]> {
        private static final long serialVersionUID = 1L;

        private final Standardiser scaler;
        private final double gamma;

        Rbf(Standardiser scaler, double gamma) {
            this.scaler = scaler;
            this.gamma = gamma;
        }

        @Override
        double[] form(double[] row) {
            return scaler.apply(row);
        }

        @Override
        double[][] forms(String builder, double[][] x) {
            return scaler.apply(x);
        }

        @Override
        double k(double[] a, double[] b) {
            double d2 = 0;
            for (int j = 0; j < a.length; j++) {
                double d = a[j] - b[j];
                d2 += d * d;
            }
            return Math.exp(-gamma * d2);
        }

        @Override
        public String toString() {
            return "rbf(gamma=" + gamma + ")";
        }
    }
}
