package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final double[][] X = Synthetic.uniform(200, 6, 31);
    private static final double[] Y = Synthetic.nonlinear(X, 32);
    private static final double[][] QUERY = Synthetic.uniform(50, 6, 33);

    /** The builders that draw random numbers: forest (parallel trees), boosting (subsamples), network (weights). */
    private static List<ModelBuilder> randomised() {
        return List.of(
                Builders.randomForest().trees(40),
                Builders.gradientBoosting().trees(40),
                Builders.mlp().units(8).epochs(20),
                Builders.randomForest().trees(30).maxFeatures(0.5),
                Builders.gradientBoosting().trees(30).subsample(0.5),
                Builders.mlp().units(16).epochs(10),
                Builders.tree().maxDepth(6),
                Builders.svr().c(1));
    }

    @Test
    void sameSeedSamePredictionsDifferentSeedDifferentForest() {
        for (ModelBuilder builder : randomised()) {
            assertArrayEquals(builder.fit(X, Y, 7).predict(QUERY), builder.fit(X, Y, 7).predict(QUERY),
                    builder.toString());
        }
        ModelBuilder forest = Builders.randomForest().trees(40);
        assertFalse(Arrays.equals(forest.fit(X, Y, 7).predict(QUERY), forest.fit(X, Y, 8).predict(QUERY)));
        ModelBuilder mlp = Builders.mlp().units(8).epochs(20);
        assertFalse(Arrays.equals(mlp.fit(X, Y, 7).predict(QUERY), mlp.fit(X, Y, 8).predict(QUERY)));
    }

    @Test
    void fourThreadsFittingDifferentBuildersGetTheSequentialPredictions() throws Exception {
        List<ModelBuilder> builders = randomised();
        List<double[]> sequential = new ArrayList<>();
        for (ModelBuilder builder : builders) {
            sequential.add(builder.fit(X, Y, 11).predict(QUERY));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // Each builder twice, interleaved, so threads re-seed Smile's generator while others are drawing.
            List<Future<double[]>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (ModelBuilder builder : builders) {
                    futures.add(pool.submit(() -> builder.fit(X, Y, 11).predict(QUERY)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential.get(i % builders.size()), futures.get(i).get(),
                        builders.get(i % builders.size()).toString());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fittingFromParallelStreamWorkersIsDeterministicToo() {
        List<ModelBuilder> builders = randomised();
        List<double[]> sequential = builders.stream().map(b -> b.fit(X, Y, 13).predict(QUERY)).toList();
        List<double[]> parallel = builders.parallelStream().map(b -> b.fit(X, Y, 13).predict(QUERY)).toList();
        for (int i = 0; i < builders.size(); i++) {
            assertArrayEquals(sequential.get(i), parallel.get(i), builders.get(i).toString());
        }
    }
}
