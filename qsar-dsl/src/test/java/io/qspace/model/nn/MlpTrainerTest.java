package io.qspace.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Synthetic;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {
    private static final double[][] X = Synthetic.uniform(600, 4, 1);
    private static final double[] Y = Synthetic.nonlinear(X, 2);
    private static final double[][] TEST = Synthetic.uniform(200, 4, 3);
    private static final double[] TEST_Y = Synthetic.nonlinear(TEST, 4);

    @Test
    void learnsANonlinearSignalFarBetterThanTheMean() {
        Mlp mlp = MlpTrainer.fit(X, Y, 32, 400, 1);
        double rmse = Synthetic.rmse(TEST_Y, mlp.predict(TEST));
        double meanRmse = Synthetic.rmse(TEST_Y, constant(Synthetic.mean(Y), TEST_Y.length));
        assertTrue(rmse < 0.3 * meanRmse, rmse + " vs " + meanRmse);
    }

    @Test
    void sparseCountsLearnAPlantedSignal() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 800;
        double[][] x = new double[n + 200][60];
        double[] y = new double[n + 200];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 60; j++) x[i][j] = random.nextDouble() < 0.05 || j < 2 && random.nextBoolean() ? 1 : 0;
            y[i] = 5 + 2 * x[i][0] * x[i][1] + 0.1 * random.nextGaussian();
        }
        double[][] train = Arrays.copyOf(x, n);
        double[] trainY = Arrays.copyOf(y, n);
        double[][] test = Arrays.copyOfRange(x, n, x.length);
        double[] testY = Arrays.copyOfRange(y, n, y.length);
        double rmse = Synthetic.rmse(testY, MlpTrainer.fit(train, trainY, 16, 300, 1).predict(test));
        double meanRmse = Synthetic.rmse(testY, constant(Synthetic.mean(trainY), testY.length));
        assertTrue(rmse < 0.6 * meanRmse, rmse + " vs " + meanRmse);
    }

    @Test
    void standardisationMakesPredictionsBlindToColumnUnitsAndOffsets() {
        // The centring term is folded into the first layer; a shifted column has no zeros left, so this compares
        // the sparse path with the dense one on the same standardised problem.
        double[][] moved = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            moved[i] = X[i].clone();
            moved[i][0] = 10 * X[i][0] + 5;
            moved[i][2] = X[i][2] - 3;
        }
        double[][] movedTest = new double[TEST.length][];
        for (int i = 0; i < TEST.length; i++) {
            movedTest[i] = TEST[i].clone();
            movedTest[i][0] = 10 * TEST[i][0] + 5;
            movedTest[i][2] = TEST[i][2] - 3;
        }
        assertArrayEquals(MlpTrainer.fit(X, Y, 8, 30, 3).predict(TEST),
                MlpTrainer.fit(moved, Y, 8, 30, 3).predict(movedTest), 1e-6);
    }

    @Test
    void deterministicSerialisableAndSeedSensitive() {
        Mlp mlp = MlpTrainer.fit(X, Y, 8, 20, 7);
        assertArrayEquals(mlp.predict(TEST), MlpTrainer.fit(X, Y, 8, 20, 7).predict(TEST));
        assertArrayEquals(mlp.predict(TEST), Synthetic.roundTrip(mlp).predict(TEST));
        assertFalse(Arrays.equals(mlp.predict(TEST), MlpTrainer.fit(X, Y, 8, 20, 8).predict(TEST)));
    }

    @Test
    void edgeCases() {
        double[] constant = constant(4.5, X.length);
        for (double p : MlpTrainer.fit(X, constant, 8, 100, 1).predict(TEST)) assertEquals(4.5, p, 1e-12);
        double[][] one = new double[X.length][];
        for (int i = 0; i < X.length; i++) one[i] = new double[] {X[i][0]};
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) y[i] = 2 * X[i][0];
        assertEquals(2.0, MlpTrainer.fit(one, y, 8, 200, 1).predict(new double[] {1.0}), 0.2);
        // Fewer rows than a batch, and an all-zero column.
        double[][] tiny = {{0, 1}, {0, 2}, {0, 3}};
        double p = MlpTrainer.fit(tiny, new double[] {1, 2, 3}, 4, 10, 1).predict(new double[] {0, 2});
        assertTrue(Double.isFinite(p));
    }

    private static double[] constant(double value, int n) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
