package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonlinearBuildersTest {
    private static final double[][] TRAIN = Synthetic.uniform(300, 4, 21);
    private static final double[] TRAIN_Y = Synthetic.nonlinear(TRAIN, 22);
    private static final double[][] TEST = Synthetic.uniform(100, 4, 23);
    private static final double[] TEST_Y = Synthetic.nonlinear(TEST, 24);

    /** Fewer trees and epochs than the defaults keep the test fast; the signal is easy. */
    private static List<ModelBuilder> learners() {
        return List.of(
                Builders.tree().maxDepth(8),
                Builders.randomForest().trees(50),
                Builders.gradientBoosting().trees(100),
                Builders.svr().c(10),
                Builders.knn().k(5),
                // 300 rows make 2 Adam steps an epoch at lr 0.001 (scikit-learn's settings): it needs more epochs here.
                Builders.mlp().units(16).epochs(1000));
    }

    @Test
    void everyNonlinearLearnerBeatsTheMeanAndMlrOnANonlinearSignal() {
        double meanRmse = Synthetic.rmse(TEST_Y, constant(Synthetic.mean(TRAIN_Y), TEST_Y.length));
        double mlrRmse = Synthetic.rmse(TEST_Y, Builders.mlr().fit(TRAIN, TRAIN_Y, 1).predict(TEST));
        for (ModelBuilder builder : learners()) {
            double rmse = Synthetic.rmse(TEST_Y, builder.fit(TRAIN, TRAIN_Y, 1).predict(TEST));
            assertTrue(rmse < 0.6 * meanRmse && rmse < mlrRmse,
                    builder + " rmse " + rmse + " vs mean " + meanRmse + " and mlr " + mlrRmse);
        }
    }

    @Test
    void fittedModelsSerialiseAndPredictTheSame() {
        for (ModelBuilder builder : learners()) {
            Model model = builder.fit(TRAIN, TRAIN_Y, 5);
            assertArrayEquals(model.predict(TEST), Synthetic.roundTrip(model).predict(TEST), builder.toString());
        }
    }

    @Test
    void knnWithOneNeighbourReturnsTheTrainingActivityOfAnExactMatch() {
        Model model = Builders.knn().k(1).fit(TRAIN, TRAIN_Y, 0);
        assertArrayEquals(TRAIN_Y, model.predict(TRAIN), 0.0);
    }

    @Test
    void svrGammaScaleAndCountDetectionFollowScikitLearn() {
        double[][] counts = {{0, 3, 1}, {2, 0, 0}, {1, 1, 4}};
        assertTrue(Kernels.isCounts(counts));
        assertFalse(Kernels.isCounts(TRAIN));
        // var of all 9 values {0,3,1,2,0,0,1,1,4}: mean 4/3, var = (sum of squares 32)/9 - 16/9 = 16/9.
        assertEquals(1.0 / (3 * 16.0 / 9), Kernels.scaleGamma(counts), 1e-12);
        // On standardised columns var(X) = 1, so gamma = 1/p.
        double[][] z = Standardiser.fit(TRAIN).apply(TRAIN);
        assertEquals(0.25, Kernels.scaleGamma(z), 1e-12);
    }

    @Test
    void svrScalingMattersOnUnevenColumnsAndRawIsAChoice() {
        double[][] uneven = new double[TRAIN.length][];
        double[][] unevenTest = new double[TEST.length][];
        for (int i = 0; i < TRAIN.length; i++) {
            uneven[i] = new double[] {TRAIN[i][0], TRAIN[i][1], 1000 * TRAIN[i][2], TRAIN[i][3]};
        }
        for (int i = 0; i < TEST.length; i++) {
            unevenTest[i] = new double[] {TEST[i][0], TEST[i][1], 1000 * TEST[i][2], TEST[i][3]};
        }
        double standardised = Synthetic.rmse(TEST_Y,
                Builders.svr().c(10).scaling("standardise").fit(uneven, TRAIN_Y, 0).predict(unevenTest));
        double raw = Synthetic.rmse(TEST_Y,
                Builders.svr().c(10).scaling("raw").fit(uneven, TRAIN_Y, 0).predict(unevenTest));
        assertTrue(standardised < raw, "standardised " + standardised + " raw " + raw);
    }

    private static double[] constant(double value, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
