package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildersTest {
    @Test
    void pointAndGridPrintLikeScikitLearnParameters() {
        assertEquals("pls(components=4)", Builders.pls().components(4).toString());
        assertEquals("pls(components=[2, 4, 6, 8])", Builders.pls().components(2, 4, 6, 8).toString());
        assertEquals("svr(C=10, epsilon=0.1, gamma=scale, scaling=auto, exactUpTo=4000, landmarks=1000)", Builders.svr().c(10).toString());
        assertEquals("mlr()", Builders.mlr().toString());
    }

    @Test
    void gridIsTheCartesianProductWithFirstParameterSlowest() {
        List<ModelBuilder> grid = Builders.gradientBoosting().trees(100, 200).learningRate(0.05, 0.1).grid();
        assertEquals(4, grid.size());
        assertEquals(List.of(100, 100, 200, 200), grid.stream().map(b -> b.params().getInt("trees")).toList());
        assertEquals(List.of(0.05, 0.1, 0.05, 0.1),
                grid.stream().map(b -> b.params().getDouble("learningRate")).toList());
        assertTrue(grid.stream().allMatch(b -> ((GridBuilder) b).isPoint()));
    }

    @Test
    void parametersAreTypedForAPointAndTheGridHoldsTheValuesToTry() {
        assertEquals(Map.of("k", 5, "exactUpTo", KnnBuilder.DEFAULT_EXACT_UP_TO), Builders.knn().k(5).params().asMap());
        assertEquals(List.of(3, 5, 9), Builders.knn().k(3, 5, 9).paramGrid().values("k"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Builders.knn().k(3, 5, 9).params());
        assertTrue(e.getMessage().contains("knn(k=[3, 5, 9], exactUpTo=10000) is a grid of 3 points"), e.getMessage());
    }

    @Test
    void buildersAreValuesAndSettersDoNotChangeTheOriginal() {
        KnnBuilder knn = Builders.knn();
        KnnBuilder other = knn.k(9);
        assertEquals(Builders.knn(), knn);
        assertEquals(Builders.knn().hashCode(), knn.hashCode());
        assertNotEquals(knn, other);
        assertEquals(5, knn.params().getInt("k"));
        assertEquals(Builders.knn().k(3, 5, 9).grid().get(2), Builders.knn().k(9));
        ModelBuilder copy = Synthetic.roundTrip(Builders.svr().c(1, 10));
        assertEquals(Builders.svr().c(1, 10), copy);
    }

    @Test
    void fittingAGridIsRefusedWithAHint() {
        double[][] x = Synthetic.uniform(20, 2, 1);
        double[] y = Synthetic.linear(x, 0, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Builders.knn().k(3, 5).fit(x, y, 1));
        assertTrue(e.getMessage().contains("grid()"), e.getMessage());
    }

    @Test
    void shapeErrorsAreClear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Builders.mlr().fit(new double[3][2], new double[2], 1));
        assertTrue(e.getMessage().contains("3 rows but 2 activities"), e.getMessage());
    }

    @Test
    void defaultsFollowTheSpecInOrderWithEighteenPoints() {
        List<ModelBuilder> defaults = Builders.defaults();
        assertEquals(List.of("mlr", "pls", "mlp", "tree", "rf", "gbm", "svr", "knn"),
                defaults.stream().map(ModelBuilder::name).toList());
        assertEquals(List.of(1, 4, 2, 3, 1, 2, 2, 3), defaults.stream().map(b -> b.grid().size()).toList());
        assertEquals("rf(trees=200, maxFeatures=0.3333333333333333, minLeaf=1)", defaults.get(4).toString());
        assertEquals(defaults, Builders.defaults());
    }
}
