package io.qspace.model;

import java.io.Serializable;

/**
 * Kernel values between a row and a fixed set of landmark rows, the building block of a Nystrom approximation.
 * The RBF form reads only a row's non-zero entries (|u - v|^2 = |u|^2 + |v|^2 - 2 u.v), so fingerprint counts cost
 * their set bits rather than every column; the tanimoto form compares sparse count vectors.
 */
abstract class LandmarkKernel<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    final T[] landmarks;

    LandmarkKernel(T[] landmarks) {
        this.landmarks = landmarks;
    }

    /** The kernel between row x (already in the kernel's space) and every landmark. */
    abstract double[] values(double[] x);

    /** The same kernel on other landmarks. */
    abstract LandmarkKernel<T> on(T[] landmarks);

    /** The number of landmarks. */
    final int size() {
        return landmarks.length;
    }

    /** The same kernel on a subset of the landmarks, in the order given. */
    final LandmarkKernel<T> keep(int[] which) {
        T[] kept = java.util.Arrays.copyOf(landmarks, which.length);
        for (int i = 0; i < which.length; i++) {
            kept[i] = landmarks[which[i]];
        }
        return on(kept);
    }

    /** exp(-gamma |u - v|^2). */
    static final class Rbf extends LandmarkKernel<double[]> {
        private static final long serialVersionUID = 1L;

        private final double[] norm2;
        private final double gamma;

        Rbf(double[][] landmarks, double gamma) {
            super(landmarks);
            this.gamma = gamma;
            this.norm2 = new double[landmarks.length];
            for (int l = 0; l < landmarks.length; l++) {
                norm2[l] = Vectors.dot(landmarks[l], landmarks[l]);
            }
        }

        @Override
        double[] values(double[] x) {
            int nonZero = 0;
            for (double v : x) {
                if (v != 0) {
                    nonZero++;
                }
            }
            int[] index = new int[nonZero];
            double[] value = new double[nonZero];
            double x2 = 0;
            for (int j = 0, e = 0; j < x.length; j++) {
                if (x[j] != 0) {
                    index[e] = j;
                    value[e++] = x[j];
                    x2 += x[j] * x[j];
                }
            }
            double[] dot = new double[landmarks.length];
            Postings postings = postings();
            if (postings != null) {
                for (int e = 0; e < nonZero; e++) {
                    int[] which = postings.landmarks[index[e]];
                    double[] their = postings.values[index[e]];
                    double v = value[e];
                    for (int q = 0; q < which.length; q++) {
                        dot[which[q]] += v * their[q];
                    }
                }
            } else {
                for (int l = 0; l < landmarks.length; l++) {
                    double[] landmark = landmarks[l];
                    double d = 0;
                    for (int e = 0; e < nonZero; e++) {
                        d += value[e] * landmark[index[e]];
                    }
                    dot[l] = d;
                }
            }
            for (int l = 0; l < landmarks.length; l++) {
                dot[l] = Math.exp(-gamma * Math.max(0, x2 + norm2[l] - 2 * dot[l]));
            }
            return dot;
        }

        /**
         * Sparse landmarks (fingerprint counts) indexed by column: a row's dot products with every landmark then cost
         * the landmarks' entries in the row's non-zero columns, not landmarks x the row's non-zeros. Null for dense
         * landmarks (standardised descriptors), where the plain loop is as fast.
         */
        private Postings postings() {
            Postings p = postings;
            if (p == null && !dense) {
                p = Postings.of(landmarks);
                if (p == null) {
                    dense = true;
                } else {
                    postings = p;
                }
            }
            return p;
        }

        private transient volatile Postings postings;
        private transient volatile boolean dense;

        @Override
        LandmarkKernel<double[]> on(double[][] other) {
            return new Rbf(other, gamma);
        }

        @Override
        public String toString() {
            return "rbf(gamma=" + gamma + ")";
        }
    }

    /** Column -> (landmark, value) for the non-zero entries of sparse landmarks. */
    private record Postings(int[][] landmarks, double[][] values) {
        /** Index when at most this share of the landmarks' entries is non-zero. */
        private static final double SPARSE_UP_TO = 0.25;

        static Postings of(double[][] rows) {
            if (rows.length == 0) {
                return null;
            }
            int columns = rows[0].length;
            int[] count = new int[columns];
            long nonZero = 0;
            for (double[] row : rows) {
                for (int j = 0; j < columns; j++) {
                    if (row[j] != 0) {
                        count[j]++;
                        nonZero++;
                    }
                }
            }
            if (nonZero > SPARSE_UP_TO * rows.length * (double) columns) {
                return null;
            }
            int[][] which = new int[columns][];
            double[][] values = new double[columns][];
            for (int j = 0; j < columns; j++) {
                which[j] = new int[count[j]];
                values[j] = new double[count[j]];
                count[j] = 0;
            }
            for (int l = 0; l < rows.length; l++) {
                for (int j = 0; j < columns; j++) {
                    if (rows[l][j] != 0) {
                        which[j][count[j]] = l;
                        values[j][count[j]++] = rows[l][j];
                    }
                }
            }
            return new Postings(which, values);
        }
    }

    /** MinMax (tanimoto) on fingerprint counts. */
    static final class Tanimoto extends LandmarkKernel<CountVector> {
        private static final long serialVersionUID = 1L;

        Tanimoto(CountVector[] landmarks) {
            super(landmarks);
        }

        @Override
        double[] values(double[] x) {
            CountVector v = CountVector.of(x);
            double[] out = new double[landmarks.length];
            for (int l = 0; l < landmarks.length; l++) {
                out[l] = MinMaxKernel.INSTANCE.k(v, landmarks[l]);
            }
            return out;
        }

        @Override
        LandmarkKernel<CountVector> on(CountVector[] other) {
            return new Tanimoto(other);
        }

        @Override
        public String toString() {
            return "tanimoto";
        }
    }
}
