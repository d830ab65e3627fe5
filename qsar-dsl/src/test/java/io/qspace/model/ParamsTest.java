package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {
    private static final ModelBuilder MEAN_PLUS = ModelBuilder.of("shifted-mean",
            ParamGrid.of("offset", -1, 0.0, 1).and("label", "a").and("centre", true).and("repeats", 3),
            (x, y, seed, p) -> {
                double m = Synthetic.mean(y) + p.getDouble("offset");
                return row -> m;
            });

    @Test
    void valuesReadBackTyped() {
        Params p = MEAN_PLUS.grid().get(2).params();
        assertEquals(1.0, p.getDouble("offset"));
        assertEquals("a", p.getString("label"));
        assertTrue(p.getBoolean("centre"));
        assertEquals(3, p.getInt("repeats"));
        assertEquals(3.0, p.getDouble("repeats"), "a whole number reads as a decimal too");
        assertEquals(List.of("offset", "label", "centre", "repeats"), p.names());
        assertEquals("shifted-mean", p.builder());
    }

    @Test
    void anUnknownNameNamesTheParameterAndTheBuilder() {
        Params p = MEAN_PLUS.grid().get(0).params();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.getDouble("ofset"));
        assertEquals("shifted-mean has no parameter 'ofset'; its parameters are offset, label, centre, repeats",
                e.getMessage());
        IllegalArgumentException builtIn = assertThrows(IllegalArgumentException.class,
                () -> Builders.pls().params().getInt("component"));
        assertTrue(builtIn.getMessage().startsWith("pls has no parameter 'component'"), builtIn.getMessage());
    }

    @Test
    void aWrongTypeNamesTheParameterTheBuilderAndTheRightGetter() {
        Params svr = Builders.svr().params();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> svr.getDouble("gamma"));
        assertEquals("svr: parameter 'gamma' is text (scale), not a number: read it with getString(\"gamma\")",
                e.getMessage());
        IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class, () -> svr.getInt("C"));
        assertEquals("svr: parameter 'C' is a decimal number (1), not a whole number: read it with getDouble(\"C\")",
                decimal.getMessage());
        Params p = MEAN_PLUS.grid().get(0).params();
        assertThrows(IllegalArgumentException.class, () -> p.getBoolean("label"));
        assertThrows(IllegalArgumentException.class, () -> p.getString("centre"));
    }

    @Test
    void aLambdaReadingTheWrongTypeFailsWhileFittingWithTheSameMessage() {
        ModelBuilder wrong = ModelBuilder.of("ridge", ParamGrid.of("lambda", 0.1), (x, y, seed, p) -> {
            int lambda = p.getInt("lambda");
            return row -> lambda;
        });
        double[][] x = Synthetic.uniform(10, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wrong.fit(x, Synthetic.linear(x, 0, 1), 1));
        assertTrue(e.getMessage().startsWith("ridge: parameter 'lambda' is a decimal number (0.1)"), e.getMessage());
    }

    @Test
    void aGridIsEveryCombinationFirstParameterSlowestAndMixedNumbersAreDecimals() {
        ParamGrid grid = ParamGrid.of("lambda", 0.01, 0.1, 1, 10).and("k", 3, 5);
        assertEquals(8, grid.size());
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), grid.values("lambda"), "1 and 10 kept as decimals");
        assertEquals(List.of(3, 5), grid.values("k"));
        List<Params> points = grid.points("ridge");
        assertEquals("lambda=0.01, k=3", points.get(0).toString());
        assertEquals("lambda=0.01, k=5", points.get(1).toString());
        assertEquals("lambda=10, k=5", points.get(7).toString());
        assertEquals("lambda=[0.01, 0.1, 1, 10], k=[3, 5]", grid.toString());
        assertEquals(8, ModelBuilder.of("ridge", grid, (x, y, seed, p) -> row -> 0).grid().size());
    }

    @Test
    void badGridsAreRefusedWithTheParameterNamed() {
        assertThrows(IllegalArgumentException.class, () -> ParamGrid.of("lambda"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ParamGrid.of("lambda", 1).and("lambda", 2));
        assertTrue(twice.getMessage().contains("'lambda' is in the grid already"), twice.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> ParamGrid.of("weights", new java.util.ArrayList<Integer>()));
        assertTrue(type.getMessage().contains("'weights' is of type ArrayList"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParamGrid.of("lambda", Double.NaN));
    }

    @Test
    void pointsReadBackFromTheResultsTextAndSurviveSerialisation() {
        Params p = Builders.randomForest().params();
        assertEquals("trees=200; maxFeatures=0.3333; minLeaf=1", p.readable());
        Params parsed = Params.parse("rf", p.readable());
        assertEquals(200, parsed.getInt("trees"));
        assertEquals(0.3333, parsed.getDouble("maxFeatures"));
        assertEquals(p, Synthetic.roundTrip(p));
        assertEquals(Params.parse("mlr", ""), Builders.mlr().params());
    }

    @Test
    void builtInBuildersKeepTheirIdentityText() {
        assertEquals("svr(C=1, epsilon=0.1, gamma=scale, scaling=auto, exactUpTo=4000, landmarks=1000)", Builders.svr().toString());
        assertEquals("svr(C=1, epsilon=0.1, gamma=scale, scaling=auto, exactUpTo=4000, landmarks=1000, kernel=tanimoto)",
                Builders.svr().kernel("tanimoto").toString());
        assertEquals("gp(kernel=auto, noise=[0.03, 0.1, 0.3], exactUpTo=4000)",
                Builders.gaussianProcess().noise(0.03, 0.1, 0.3).toString());
        assertEquals("gbm(trees=200, maxLeafNodes=6, subsample=0.7, learningRate=[0.05, 0.1], minLeaf=1)",
                Builders.gradientBoosting().learningRate(0.05, 0.1).toString());
    }
}
