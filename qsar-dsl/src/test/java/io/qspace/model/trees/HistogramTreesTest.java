package io.qspace.model.trees;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.Model;
import io.qspace.model.Seeds;
import io.qspace.model.ModelBuilder;
import io.qspace.model.Synthetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HistogramTreesTest {
    private static final int P = 60;
    private static final double[][] X = Counts.x(600, P, 1);
    private static final double[] Y = Counts.y(X, 2);
    private static final double[][] TEST = Counts.x(300, P, 3);
    private static final double[] TEST_Y = Counts.y(TEST, 4);
    private static final TreeSettings RF = new TreeSettings(Integer.MAX_VALUE, 1, P / 3, Integer.MAX_VALUE);

    @Test
    void forestAndBoostingBeatTheMeanAndFindThePlantedColumns() {
        double meanRmse = Counts.meanRmse(Y, TEST_Y);
        Forest forest = Forest.fit(X, Y, RF, true, Seeds.each(7, 100), 2);
        Boosting boosting = Boosting.fit(X, Y, 200, 6, 1, 0.7, 0.1, 7);
        Tree tree = Tree.fit(X, Y, 8, 5);
        for (Model model : List.<Model>of(forest::predict, boosting::predict, tree::predict)) {
            double rmse = Counts.rmse(TEST_Y, model.predict(TEST));
            assertTrue(rmse < 0.5 * meanRmse, model.getClass().getSimpleName() + " " + rmse + " vs " + meanRmse);
        }
        assertArrayEquals(Counts.SIGNAL, Counts.topColumns(forest.importance(), 3));
        assertArrayEquals(Counts.SIGNAL, Counts.topColumns(boosting.importance(), 3));
        assertEquals(1.0, Arrays.stream(forest.importance()).sum(), 1e-9);
    }

    @Test
    void aFullyGrownTreeOnAllRowsReproducesDistinctTrainingRows() {
        // Exercises histogram subtraction down to single rows: any bookkeeping slip leaves a training error.
        double[][] x = Synthetic.uniform(300, 5, 11);
        double[] y = Synthetic.nonlinear(x, 12);
        Tree tree = Tree.fit(x, y, Integer.MAX_VALUE, 1);
        assertArrayEquals(y, tree.predict(x), 1e-9);
        assertEquals(300, tree.leaves());
    }

    @Test
    void bestFirstGrowthStopsAtTheLeafBudget() {
        assertTrue(Tree.fit(X, Y, Integer.MAX_VALUE, 1).leaves() > 6, "unbounded, the tree would grow further");
        BinnedData data = BinnedData.of(X);
        TreeGrower grower = new TreeGrower(data, new TreeSettings(Integer.MAX_VALUE, 1, P, 6));
        double[] weight = new double[X.length];
        Arrays.fill(weight, 1);
        Tree limited = grower.grow(Y, weight, new java.util.SplittableRandom(1), null);
        assertEquals(6, limited.leaves());
    }

    @Test
    void sameSeedIsBitIdenticalWhateverTheThreadCountDifferentSeedDiffers() throws Exception {
        double[] one = Forest.fit(X, Y, RF, true, Seeds.each(5, 40), 1).predict(TEST);
        assertArrayEquals(one, Forest.fit(X, Y, RF, true, Seeds.each(5, 40), 4).predict(TEST));
        assertArrayEquals(one, Forest.fit(X, Y, RF, true, Seeds.each(5, 40), 3).predict(TEST));
        assertFalse(Arrays.equals(one, Forest.fit(X, Y, RF, true, Seeds.each(6, 40), 1).predict(TEST)));
        double[] boosted = Boosting.fit(X, Y, 50, 6, 1, 0.7, 0.1, 5).predict(TEST);
        assertFalse(Arrays.equals(boosted, Boosting.fit(X, Y, 50, 6, 1, 0.7, 0.1, 6).predict(TEST)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> forests = new ArrayList<>();
            List<Future<double[]>> boosts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                forests.add(pool.submit(() -> Forest.fit(X, Y, RF, true, Seeds.each(5, 40), 2).predict(TEST)));
                boosts.add(pool.submit(() -> Boosting.fit(X, Y, 50, 6, 1, 0.7, 0.1, 5).predict(TEST)));
            }
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(one, forests.get(i).get());
                assertArrayEquals(boosted, boosts.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void modelsSerialiseAndPredictTheSame() {
        // as the builders return them: the algorithm's predict as a Model, serialised with the algorithm inside
        Forest forest = Forest.fit(X, Y, RF, true, Seeds.each(1, 20), 1);
        Boosting boosting = Boosting.fit(X, Y, 30, 6, 1, 0.7, 0.1, 1);
        Tree tree = Tree.fit(X, Y, 6, 5);
        for (Model model : List.<Model>of(forest::predict, boosting::predict, tree::predict)) {
            assertArrayEquals(model.predict(TEST), Synthetic.roundTrip(model).predict(TEST));
        }
    }

    @Test
    void edgeCases() {
        double[][] x = Counts.x(40, 5, 9);
        double[] constant = new double[40];
        Arrays.fill(constant, 7.25);
        Forest flatForest = Forest.fit(x, constant, new TreeSettings(Integer.MAX_VALUE, 1, 2, Integer.MAX_VALUE),
                true, Seeds.each(1, 10), 1);
        Boosting flatBoosting = Boosting.fit(x, constant, 10, 6, 1, 0.7, 0.1, 1);
        Tree flatTree = Tree.fit(x, constant, 8, 5);
        for (Model model : List.<Model>of(flatForest::predict, flatBoosting::predict, flatTree::predict)) {
            for (double p : model.predict(TEST)) assertEquals(7.25, p, 1e-12);
        }
        // One feature, a step in it.
        double[][] single = new double[50][1];
        double[] step = new double[50];
        for (int i = 0; i < 50; i++) {
            single[i][0] = i;
            step[i] = i < 25 ? 1 : 3;
        }
        Tree tree = Tree.fit(single, step, 4, 5);
        assertEquals(1, tree.predict(new double[] {10}), 1e-12);
        assertEquals(3, tree.predict(new double[] {40}), 1e-12);
        // Fewer rows than two leaves: a single leaf, the mean.
        double[][] three = {{1}, {2}, {3}};
        Tree stump = Tree.fit(three, new double[] {1, 2, 6}, 8, 5);
        assertEquals(1, stump.nodes());
        assertEquals(3, stump.predict(new double[] {100}), 1e-12);
        // All-zero columns are never chosen.
        double[][] padded = new double[X.length][P + 2];
        for (int i = 0; i < X.length; i++) System.arraycopy(X[i], 0, padded[i], 2, P);
        Forest forest = Forest.fit(padded, Y, RF, true, Seeds.each(1, 20), 1);
        assertEquals(0, forest.importance()[0]);
        assertEquals(0, forest.importance()[1]);
    }

    @Test
    void accuracyIsCloseToSmilesOnASyntheticProblem() {
        double[][] x = Synthetic.uniform(500, 6, 41);
        double[] y = Synthetic.nonlinear(x, 42);
        double[][] test = Synthetic.uniform(300, 6, 43);
        double[] testY = Synthetic.nonlinear(test, 44);
        smile.data.DataFrame frame = smile.data.DataFrame.of(x, "a", "b", "c", "d", "e", "f")
                .merge(smile.data.vector.DoubleVector.of("y", y));
        smile.data.formula.Formula formula = smile.data.formula.Formula.lhs("y");
        smile.data.DataFrame testFrame = smile.data.DataFrame.of(test, "a", "b", "c", "d", "e", "f")
                .merge(smile.data.vector.DoubleVector.of("y", testY));
        smile.regression.RandomForest smileForest = smile.regression.RandomForest.fit(formula, frame, 200, 2, 1000,
                500, 1, 1.0, java.util.stream.LongStream.range(0, 200).map(i -> 1000 + i));
        smile.math.MathEx.setSeed(19);
        smile.regression.GradientTreeBoost smileBoost = smile.regression.GradientTreeBoost.fit(formula, frame,
                smile.base.cart.Loss.ls(), 200, 1000, 6, 1, 0.1, 0.7);
        double smileRf = Counts.rmse(testY, smileForest.predict(testFrame));
        double smileGbm = Counts.rmse(testY, smileBoost.predict(testFrame));
        ModelBuilder rf = Builders.randomForest();
        ModelBuilder gbm = Builders.gradientBoosting();
        double ourRf = Counts.rmse(testY, rf.fit(x, y, 1).predict(test));
        double ourGbm = Counts.rmse(testY, gbm.fit(x, y, 1).predict(test));
        assertTrue(ourRf < 1.15 * smileRf, "rf " + ourRf + " smile " + smileRf);
        assertTrue(ourGbm < 1.15 * smileGbm, "gbm " + ourGbm + " smile " + smileGbm);
    }
}
