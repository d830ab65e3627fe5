package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tanimoto (MinMax) kernel, SVR with it, and the Gaussian process. */
class KernelBuildersTest {
    private static final double[][] FP_TRAIN = fingerprints(200, 101);
    private static final double[] FP_TRAIN_Y = activity(FP_TRAIN, 102);
    private static final double[][] FP_TEST = fingerprints(80, 103);
    private static final double[] FP_TEST_Y = activity(FP_TEST, 104);

    @Test
    void minMaxIsSumOfMinimaOverSumOfMaximaAndTanimotoOnBits() {
        double[] a = {2, 0, 1, 3, 0};
        double[] b = {1, 1, 0, 3, 0};
        // minima 1 + 0 + 0 + 3 = 4, maxima 2 + 1 + 1 + 3 = 7
        assertEquals(4.0 / 7, MinMaxKernel.similarity(a, b), 1e-15);
        assertEquals(4.0 / 7, MinMaxKernel.INSTANCE.k(CountVector.of(a), CountVector.of(b)), 1e-15);
        // bits {0, 1, 3} and {0, 2, 3}: 2 in common of 4 set in either
        double[] c = {1, 1, 0, 1};
        double[] d = {1, 0, 1, 1};
        assertEquals(0.5, MinMaxKernel.similarity(c, d), 1e-15);
        assertEquals(0.5, MinMaxKernel.INSTANCE.k(CountVector.of(c), CountVector.of(d)), 1e-15);
        assertEquals(1.0, MinMaxKernel.INSTANCE.k(CountVector.of(a), CountVector.of(a)));
        assertEquals(0.0, MinMaxKernel.INSTANCE.k(CountVector.of(new double[] {0, 0, 5}), CountVector.of(c)));
        assertEquals(1.0, MinMaxKernel.INSTANCE.k(CountVector.of(new double[3]), CountVector.of(new double[3])));
        // the sparse form agrees with the plain sum on every pair of the fingerprints below
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                assertEquals(MinMaxKernel.similarity(FP_TRAIN[i], FP_TRAIN[j]),
                        MinMaxKernel.INSTANCE.k(CountVector.of(FP_TRAIN[i]), CountVector.of(FP_TRAIN[j])), 1e-12);
            }
        }
    }

    @Test
    void tanimotoSvrAndGaussianProcessLearnFromFingerprintCountsAndRepeatExactly() {
        double meanRmse = Synthetic.rmse(FP_TEST_Y, constant(Synthetic.mean(FP_TRAIN_Y), FP_TEST_Y.length));
        for (ModelBuilder builder : new ModelBuilder[] {Builders.svr().kernel("tanimoto").c(10),
                Builders.gaussianProcess()}) {
            Model model = builder.fit(FP_TRAIN, FP_TRAIN_Y, 3);
            double[] predicted = model.predict(FP_TEST);
            double rmse = Synthetic.rmse(FP_TEST_Y, predicted);
            assertTrue(rmse < 0.6 * meanRmse, builder + " rmse " + rmse + " vs mean " + meanRmse);
            assertArrayEquals(predicted, builder.fit(FP_TRAIN, FP_TRAIN_Y, 3).predict(FP_TEST), 0.0, builder + "");
            assertArrayEquals(predicted, Synthetic.roundTrip(model).predict(FP_TEST), 0.0, builder + "");
        }
    }

    @Test
    void autoMeansTanimotoOnCountsAndRbfOnDescriptors() {
        double[][] descriptors = Synthetic.uniform(60, 3, 5);
        double[] y = Synthetic.nonlinear(descriptors, 6);
        assertArrayEquals(Builders.svr().fit(descriptors, y, 1).predict(descriptors),
                Builders.svr().kernel("auto").fit(descriptors, y, 1).predict(descriptors), 0.0);
        assertArrayEquals(Builders.svr().kernel("tanimoto").fit(FP_TRAIN, FP_TRAIN_Y, 1).predict(FP_TEST),
                Builders.svr().kernel("auto").fit(FP_TRAIN, FP_TRAIN_Y, 1).predict(FP_TEST), 0.0);
        assertInstanceOf(CountsModel.class, Builders.svr().kernel("auto").fit(FP_TRAIN, FP_TRAIN_Y, 1));
    }

    @Test
    void tanimotoOnNegativeFeaturesIsAClearError() {
        double[][] descriptors = Synthetic.uniform(20, 3, 5);
        double[] y = Synthetic.linear(descriptors, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Builders.svr().kernel("tanimoto").fit(descriptors, y, 1));
        assertTrue(e.getMessage().startsWith("svr: the tanimoto kernel needs non-negative features"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel \"auto\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Builders.gaussianProcess().kernel("tanimoto").fit(descriptors, y, 1));
        assertThrows(IllegalArgumentException.class, () -> Builders.svr().kernel("cosine"));
        assertThrows(IllegalArgumentException.class, () -> Builders.gaussianProcess().noise(0));
    }

    @Test
    void gaussianProcessMatchesTheTwoCompoundCaseByHand() {
        double[][] x = {{2, 0, 1, 3, 0}, {1, 1, 0, 3, 0}};
        double[] y = {5, 7};
        double noise = 0.2;
        GaussianProcessModel gp = (GaussianProcessModel) Builders.gaussianProcess().kernel("tanimoto").noise(noise)
                .fit(x, y, 1);
        // standardised activities z = (-1, 1) (mean 6, sd 1); K = [[1 + s, k], [k, 1 + s]] with k = 4/7
        double k = 4.0 / 7;
        double a = 1 + noise;
        double det = a * a - k * k;
        double[] alpha = {(a * -1 - k * 1) / det, (-k * -1 + a * 1) / det};
        assertEquals(6 + (alpha[0] + k * alpha[1]), gp.predict(x[0]), 1e-12);
        // variance at x0: 1 - k*' K^-1 k*, k* = (1, k)
        double quad = (a * 1 - 2 * k * k + a * k * k) / det;
        assertEquals(1 - quad, gp.variance(x[0]), 1e-12);
        // a compound sharing no bit with either: the prior mean and variance
        double[] stranger = {0, 0, 0, 0, 4};
        assertEquals(6.0, gp.predict(stranger), 1e-12);
        assertEquals(1.0, gp.variance(stranger), 1e-12);
        assertEquals(noise, gp.noiseVariance(), 1e-12);
    }

    @Test
    void aKrigingPriorMeanCountsATightSeriesAsFewerCompoundsThanItsNumber() {
        // three potent analogues sharing most of their counts, two weak compounds unlike them and each other
        double[][] x = {{3, 3, 2, 0, 0, 0, 0}, {3, 3, 2, 1, 0, 0, 0}, {3, 2, 2, 0, 0, 0, 0}, {0, 0, 0, 0, 4, 1, 0},
                {0, 0, 1, 0, 0, 0, 3}};
        double[] y = {8.5, 8.7, 8.4, 5.0, 5.5};
        double noise = 0.1;
        GaussianProcessModel training = (GaussianProcessModel) Builders.gaussianProcess().kernel("tanimoto")
                .noise(noise).fit(x, y, 1);
        GaussianProcessModel kriging = (GaussianProcessModel) Builders.gaussianProcess().kernel("tanimoto")
                .noise(noise).priorMean("kriging").fit(x, y, 1);
        // by hand: A = K + noise I (in units of the activities' variance, which cancels in the mean)
        int n = y.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = MinMaxKernel.similarity(x[i], x[j]) + (i == j ? noise : 0);
            }
        }
        org.apache.commons.math3.linear.RealMatrix inverse = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getSolver().getInverse();
        double[] ones = inverse.operate(new double[] {1, 1, 1, 1, 1});
        double onesTotal = java.util.Arrays.stream(ones).sum();
        double gls = 0;
        for (int i = 0; i < n; i++) gls += ones[i] * y[i];
        gls /= onesTotal;
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        assertTrue(gls < mean - 0.3, "the series counts as fewer than three: " + gls + " against " + mean);
        double[] stranger = {0, 0, 0, 5, 0, 0, 0};  // shares a count with x[1] only
        double[] far = new double[7]; // sharing nothing with any: k* = 0
        assertEquals(mean, training.predict(far), 1e-12, "far from all, the training mean");
        assertEquals(gls, kriging.predict(far), 1e-12, "far from all, kriging's mean");
        double var = 0;
        for (double v : y) var += (v - mean) * (v - mean) / n;
        assertEquals(var, training.variance(far), 1e-12);
        assertEquals(var * (1 + 1 / onesTotal), kriging.variance(far), 1e-12, "plus the mean's own uncertainty");
        // near the training compounds: m + k*' A^-1 (y - m 1), as by hand
        for (double[] t : new double[][] {x[0], x[3], stranger}) {
            double[] kStar = new double[n];
            for (int i = 0; i < n; i++) kStar[i] = MinMaxKernel.similarity(x[i], t);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = y[i] - gls;
            double[] w = inverse.operate(r);
            double expected = gls;
            for (int i = 0; i < n; i++) expected += kStar[i] * w[i];
            assertEquals(expected, kriging.predict(t), 1e-9);
        }
        assertTrue(kriging.toString().contains("prior mean " + kriging.predict(far)), kriging.toString());
        assertThrows(IllegalArgumentException.class, () -> Builders.gaussianProcess().priorMean("median"));

        // "loo": the constant prior mean whose leave-one-out predictions are best, against refits without each row
        GaussianProcessModel loo = (GaussianProcessModel) Builders.gaussianProcess().kernel("tanimoto").noise(noise)
                .priorMean("loo").fit(x, y, 1);
        double[] sse = new double[3]; // the held-out squared error with prior mean -1, 0, 1 (quadratic in the mean)
        for (int m = -1; m <= 1; m++) {
            for (int held = 0; held < n; held++) {
                final int out = held;
                int[] kept = java.util.stream.IntStream.range(0, n).filter(i -> i != out).toArray();
                double[][] sub = new double[n - 1][n - 1];
                double[] rest = new double[n - 1];
                double[] kStar = new double[n - 1];
                for (int i = 0; i < n - 1; i++) {
                    for (int j = 0; j < n - 1; j++) sub[i][j] = a[kept[i]][kept[j]];
                    rest[i] = y[kept[i]] - m;
                    kStar[i] = MinMaxKernel.similarity(x[kept[i]], x[out]);
                }
                double[] w = new org.apache.commons.math3.linear.LUDecomposition(
                        new org.apache.commons.math3.linear.Array2DRowRealMatrix(sub)).getSolver().solve(
                        new org.apache.commons.math3.linear.ArrayRealVector(rest)).toArray();
                double predicted = m;
                for (int i = 0; i < n - 1; i++) predicted += kStar[i] * w[i];
                sse[m + 1] += (y[out] - predicted) * (y[out] - predicted);
            }
        }
        double best = (sse[0] - sse[2]) / (2 * (sse[0] - 2 * sse[1] + sse[2]));
        assertEquals(best, loo.predict(far), 1e-9, "the vertex of the held-out error");
        assertTrue(best < gls, "the compounds unlike the series are weaker still than kriging expects: " + best);
    }

    @Test
    void aGaussianProcessAboveItsRowLimitIsFittedToASeededSampleAndSaysSo() {
        double[][] x = Synthetic.uniform(120, 3, 7);
        double[] y = Synthetic.nonlinear(x, 8);
        GaussianProcessBuilder limited = Builders.gaussianProcess().noise(0.01).exactUpTo(50);
        GaussianProcessModel sampled = (GaussianProcessModel) limited.fit(x, y, 3);
        assertEquals(50, sampled.size());
        assertEquals("subsample(50 of 120 rows)", sampled.approximation());
        assertEquals(sampled.predict(x[0]), ((GaussianProcessModel) limited.fit(x, y, 3)).predict(x[0]), 0.0,
                "the same seed, the same rows");
        assertTrue(sampled.predict(x[0]) != ((GaussianProcessModel) limited.fit(x, y, 4)).predict(x[0]),
                "another seed, other rows");
        GaussianProcessModel exact = (GaussianProcessModel) Builders.gaussianProcess().noise(0.01).fit(x, y, 3);
        assertEquals(120, exact.size());
        assertEquals("", exact.approximation());
        // still a fair model of the function on the rows it did not see
        double[] unseen = Synthetic.nonlinear(Synthetic.uniform(40, 3, 9), 8);
        double[][] xUnseen = Synthetic.uniform(40, 3, 9);
        double[] predicted = new double[40];
        for (int i = 0; i < 40; i++) {
            predicted[i] = sampled.predict(xUnseen[i]);
        }
        assertTrue(Synthetic.rmse(unseen, predicted) < 0.5 * Synthetic.rmse(unseen, constant(Synthetic.mean(y), 40)));
        // a classifier says it too: the leaderboard's parameters carry fitted=subsample(...)
        Model clipped = limited.classifier().fit(x, java.util.Arrays.stream(y).map(v -> v > 0 ? 1 : 0).toArray(), 3);
        assertEquals("subsample(50 of 120 rows)", ((Approximation) clipped).approximation());
    }

    @Test
    void gaussianProcessVarianceIsLargerFarFromTheTrainingCompounds() {
        double[][] x = Synthetic.uniform(80, 3, 7);
        double[] y = Synthetic.nonlinear(x, 8);
        GaussianProcessModel gp = (GaussianProcessModel) Builders.gaussianProcess().noise(0.01).fit(x, y, 1);
        double priorVariance = Math.pow(Synthetic.rmse(y, constant(Synthetic.mean(y), y.length)), 2);
        double atTraining = java.util.Arrays.stream(gp.variance(x)).max().orElseThrow();
        double[] far = {40, -40, 40};
        assertTrue(atTraining < 0.05 * priorVariance, atTraining + " vs prior " + priorVariance);
        assertEquals(priorVariance, gp.variance(far), 1e-9 * priorVariance);
        double[] between = {2.5, 2.5, 2.5};
        assertTrue(gp.variance(between) > atTraining && gp.variance(between) < gp.variance(far));
        // on fingerprints as well: every training compound against compounds with bits none of them has
        GaussianProcessModel fp = (GaussianProcessModel) Builders.gaussianProcess().fit(FP_TRAIN, FP_TRAIN_Y, 1);
        double[] unseen = new double[FP_TRAIN[0].length];
        unseen[unseen.length - 1] = 2;
        double fpTraining = java.util.Arrays.stream(fp.variance(FP_TRAIN)).max().orElseThrow();
        assertTrue(fp.variance(unseen) > 3 * fpTraining, fp.variance(unseen) + " vs " + fpTraining);
        // the variance survives the store: the factor is recomputed, not kept
        assertArrayEquals(gp.variance(x), Synthetic.roundTrip(gp).variance(x), 0.0);
    }

    /** Sparse count fingerprints over 64 columns (the last never set), 6 to 12 set per row, counts 1 to 3. */
    static double[][] fingerprints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][64];
        for (double[] row : x) {
            int set = random.nextInt(6, 13);
            for (int s = 0; s < set; s++) {
                row[random.nextInt(63)] = random.nextInt(1, 4);
            }
        }
        return x;
    }

    /** Activity from the first 8 columns (substructures that matter), plus small noise. */
    static double[] activity(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 6;
            for (int j = 0; j < 8; j++) {
                v += (j % 2 == 0 ? 0.8 : -0.5) * Math.min(x[i][j], 2);
            }
            y[i] = v + 0.1 * (random.nextDouble() - 0.5);
        }
        return y;
    }

    private static double[] constant(double value, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
