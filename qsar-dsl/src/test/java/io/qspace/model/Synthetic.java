package io.qspace.model;

import java.util.SplittableRandom;

/** Small seeded data sets with a known relation between features and activity. */
public final class Synthetic {
    private Synthetic() {}

    public static double[][] uniform(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextDouble(-2, 2);
            }
        }
        return x;
    }

    /** Fingerprint-like counts: about one column in oneIn set, counts 1 to 3. */
    public static double[][] counts(int n, int p, int oneIn, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextInt(oneIn) == 0 ? 1 + random.nextInt(3) : 0;
            }
        }
        return x;
    }

    /** y = 1 + sum (j+1) * x_j * scale + noise. */
    public static double[] linear(double[][] x, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 1;
            for (int j = 0; j < x[i].length; j++) {
                v += (j + 1) * 0.5 * x[i][j];
            }
            y[i] = v + noise * (random.nextDouble() - 0.5);
        }
        return y;
    }

    /** A signal no straight line can fit: y = sin(2 x0) * 2 + x1^2 + small noise. */
    public static double[] nonlinear(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * Math.sin(2 * x[i][0]) + x[i][1] * x[i][1] + 0.1 * (random.nextDouble() - 0.5);
        }
        return y;
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    public static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(T value) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError("serialisation failed", e);
        }
    }
}
