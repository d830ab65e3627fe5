package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.Model;
import io.qspace.model.ModelBuilder;
import io.qspace.model.ParamGrid;
import io.qspace.model.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridSearchTest {
    private static final double[][] X = Synthetic.uniform(120, 4, 51);
    private static final double[] Y = Synthetic.nonlinear(X, 52);

    @Test
    void choosesThePointWithLowestCvRmseAndCountsEveryFit() {
        GridSearch.Result result = GridSearch.best(Builders.knn().k(1, 5, 50), X, Y, 5, 1);
        assertEquals(3, result.points().size());
        assertEquals(15, result.fits());
        double lowest = result.points().stream().mapToDouble(p -> p.cv().rmse()).min().orElseThrow();
        assertEquals(lowest, result.cv().rmse());
        assertEquals(result.best(), result.points().stream().filter(p -> p.cv().rmse() == lowest)
                .findFirst().orElseThrow().builder());
        // Averaging 50 of 96 neighbours washes the signal out: it cannot be the best.
        assertTrue(!result.best().equals(Builders.knn().k(50)));
    }

    @Test
    void aBuilderMadeFromALambdaIsTunedOverItsGridByCrossValidation() {
        // k nearest neighbours written by hand (unweighted mean of the k closest rows), k read as a typed parameter
        ModelBuilder handKnn = ModelBuilder.of("hand-knn", ParamGrid.of("k", 50, 3, 1), (x, y, seed, p) -> {
            int k = p.getInt("k");
            return row -> java.util.stream.IntStream.range(0, x.length).boxed()
                    .sorted(java.util.Comparator.comparingDouble(i -> distance(x[i], row))).limit(k)
                    .mapToDouble(i -> y[i]).average().orElseThrow();
        });
        GridSearch.Result result = GridSearch.best(handKnn, X, Y, 5, 1);
        assertEquals(List.of(50, 3, 1), result.points().stream().map(pt -> pt.builder().params().getInt("k")).toList());
        // every point's CV RMSE computed on its own, with the same folds
        double[] rmse = handKnn.grid().stream().mapToDouble(pt -> CrossValidation.run(pt, X, Y, 5, 1).rmse()).toArray();
        int lowest = 0;
        for (int i = 1; i < rmse.length; i++) {
            lowest = rmse[i] < rmse[lowest] ? i : lowest;
        }
        assertEquals(handKnn.grid().get(lowest), result.best());
        assertEquals(rmse[lowest], result.cv().rmse(), 1e-12);
        // 50 neighbours of 96 wash the signal out: the search had to move away from the first point
        assertTrue(lowest > 0, java.util.Arrays.toString(rmse));
        assertEquals("hand-knn(k=[50, 3, 1])", handKnn.toString());
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    @Test
    void tiesGoToTheFirstPoint() {
        // Depths beyond what leaf size 5 allows on 120 rows grow the same tree.
        GridSearch.Result result = GridSearch.best(Builders.tree().maxDepth(30, 40), X, Y, 5, 1);
        assertEquals(result.points().get(0).cv().rmse(), result.points().get(1).cv().rmse());
        assertEquals(Builders.tree().maxDepth(30), result.best());
    }

    @Test
    void aFailingPointIsRecordedAndSkipped() {
        ModelBuilder fragile = new TwoPoints();
        GridSearch.Result result = GridSearch.best(fragile, X, Y, 5, 1);
        assertTrue(result.points().get(0).failed());
        assertTrue(result.points().get(0).failure().contains("singular on purpose"));
        assertFalse(result.points().get(1).failed());
        assertEquals("mlr", result.best().name());
        assertEquals(5, result.fits());
    }

    @Test
    void allPointsFailingNamesTheBuilder() {
        ModelBuilder broken = ModelBuilder.of("broken", (x, y, seed) -> {
            throw new ArithmeticException("no");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GridSearch.best(broken, X, Y, 5, 1));
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    /** A real two-point grid whose first point always fails, as a numerical failure would. */
    private record TwoPoints() implements ModelBuilder {
        @Override
        public String name() {
            return "two";
        }

        @Override
        public List<ModelBuilder> grid() {
            return List.of(ModelBuilder.of("failing", (x, y, seed) -> {
                throw new IllegalStateException("singular on purpose");
            }), Builders.mlr());
        }

        @Override
        public Model fit(double[][] x, double[] y, long seed) {
            throw new IllegalStateException("fit a grid point");
        }
    }
}
