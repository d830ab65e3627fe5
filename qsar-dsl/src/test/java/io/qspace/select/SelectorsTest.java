package io.qspace.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectorsTest {

    @Test
    void defaultsExpandToTheSevenFeatureSetsOfTheSpec() {
        List<String> names = Selectors.defaults().stream()
                .flatMap(selector -> selector.each().stream())
                .map(Selector::name)
                .toList();
        assertEquals(List.of("filtered", "top10-correlated", "top20-correlated", "top40-correlated", "stepwise",
                "forest30", "ecfp4"), names);
    }

    @Test
    void aMultiSizeSelectorRefusesToSelectAndPointsToEach() {
        Selector several = Selectors.topCorrelated(10, 20);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> several.select(new double[][] {{1}}, new double[] {1}, new int[] {0},
                        TestData.descriptorsOnly(1), 1));
        assertTrue(refused.getMessage().contains("each()"), refused.getMessage());
        assertEquals("top10,20-correlated", several.name());
    }

    @Test
    void selectorsAreSerializableValues() throws Exception {
        for (Selector selector : Selectors.defaults()) {
            assertEquals(selector, roundTrip(selector));
        }
        assertEquals(Filters.standard().maxCorrelation(0.9), roundTrip(Filters.standard().maxCorrelation(0.9)));
        assertEquals(Selectors.topCorrelated(10, 20), Selectors.topCorrelated(10, 20));
        assertEquals("stepwise-max5", Selectors.stepwise(5).name());
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void topCorrelatedPicksThePlantedSignalFromDescriptorsOnly() {
        int rows = 200;
        double[][] x = TestData.gaussian(rows, 12, 11);
        double[] y = new double[rows];
        Random noise = new Random(12);
        for (int i = 0; i < rows; i++) {
            // 3 and 8 carry the signal; 11 is a fingerprint "bit" copying y, which must be ignored.
            y[i] = 3 * x[i][3] - 2 * x[i][8] + 0.3 * noise.nextGaussian();
            x[i][11] = y[i];
        }
        SelectionContext context = new SelectionContext(TestData.names(12),
                Map.of("descriptors", new int[] {0, 11}, "ecfp4", new int[] {11, 12}));
        int[] candidates = TestData.all(12);
        FeatureSet top2 = Selectors.topCorrelated(2).select(x, y, candidates, context, 1);
        assertEquals("top2-correlated", top2.name());
        assertArrayEquals(new int[] {3, 8}, top2.columns());
        assertEquals(List.of("d3", "d8"), top2.names());

        FeatureSet top40 = Selectors.topCorrelated(40).select(x, y, candidates, context, 1);
        assertEquals(11, top40.size(), "k beyond the candidates gives every descriptor");
    }

    @Test
    void topCorrelatedMapsCandidatePositionsToMatrixColumnsAndBreaksTiesByColumnOrder() {
        double[][] x = TestData.gaussian(50, 3, 2);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i][2] = x[i][0]; // matrix columns 9 and 5 are identical: the earlier column, 5, must win the tie
            y[i] = x[i][0] + 0.1 * x[i][1];
        }
        int[] candidates = {9, 7, 5};
        FeatureSet top1 = Selectors.topCorrelated(1).select(x, y, candidates, TestData.descriptorsOnly(10), 1);
        assertArrayEquals(new int[] {5}, top1.columns());
    }

    @Test
    void stepwiseFindsAPlantedThreeTermModelFirst() {
        int rows = 300;
        double[][] x = TestData.gaussian(rows, 8, 21);
        double[] y = new double[rows];
        Random noise = new Random(22);
        for (int i = 0; i < rows; i++) {
            y[i] = 1.5 * x[i][1] - 2 * x[i][4] + 0.7 * x[i][6] + 5 + 0.5 * noise.nextGaussian();
        }
        int[] order = new ForwardStepwise(20).choose(Candidates.columns(x, TestData.all(8)), y);
        assertArrayEquals(new int[] {4, 1, 6}, java.util.Arrays.copyOf(order, 3), "largest effects enter first");
        assertTrue(order.length < 8, "noise columns must not all enter: " + java.util.Arrays.toString(order));
    }

    @Test
    void stepwiseRarelyAdmitsNoise() {
        // Pure noise: the p < 0.05 gate admits a noise column on about 1 - 0.95^8 = 34% of first steps, so on average
        // well under one column; ignoring the test would take all eight every time.
        int admitted = 0;
        int runs = 40;
        for (int run = 0; run < runs; run++) {
            double[][] x = TestData.gaussian(200, 8, 100 + run);
            double[] y = Pearson.column(TestData.gaussian(200, 1, 500 + run), 0);
            admitted += new ForwardStepwise(20).choose(Candidates.columns(x, TestData.all(8)), y).length;
        }
        assertTrue(admitted < runs, "noise columns admitted: " + admitted + " in " + runs + " runs");
    }

    @Test
    void stepwiseEntersTermsByLargestDropAndRespectsItsCap() {
        int rows = 300;
        double[][] x = TestData.gaussian(rows, 6, 31);
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) y[i] = 4 * x[i][5] + 2 * x[i][0] + x[i][3] + 0.5 * x[i][2];
        ForwardStepwise capped = new ForwardStepwise(2);
        assertArrayEquals(new int[] {5, 0}, capped.choose(Candidates.columns(x, TestData.all(6)), y));
        // Noise-free: the four terms explain y exactly and the search stops there rather than adding noise.
        assertArrayEquals(new int[] {0, 2, 3, 5},
                Selectors.stepwise().select(x, y, TestData.all(6), TestData.descriptorsOnly(6), 1).columns());
    }

    @Test
    void stepwiseCopesWithDuplicatedDescriptors() {
        int rows = 100;
        double[][] x = TestData.gaussian(rows, 3, 41);
        double[] y = new double[rows];
        Random noise = new Random(42);
        for (int i = 0; i < rows; i++) {
            x[i][1] = x[i][0];
            y[i] = x[i][0] + 0.1 * noise.nextGaussian();
        }
        int[] columns = Selectors.stepwise().select(x, y, TestData.all(3), TestData.descriptorsOnly(3), 1).columns();
        assertEquals(0, columns[0], "the first of two identical descriptors enters; its copy cannot");
        assertTrue(columns.length == 1 || columns[1] == 2, "the copy never enters");
    }

    @Test
    void selectorsThatFindNothingReturnAnEmptyFeatureSet() {
        // Activity exactly uncorrelated with the only descriptor: nothing can be significant.
        double[][] x = new double[40][1];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = i % 2 == 0 ? 1 : -1;
            y[i] = i % 4 < 2 ? 1 : -1;
        }
        SelectionContext context = TestData.descriptorsOnly(1);
        FeatureSet stepwise = Selectors.stepwise().select(x, y, new int[] {0}, context, 1);
        assertEquals(0, stepwise.size());
        FeatureSet noFingerprints = Selectors.fingerprints().select(x, y, new int[] {0}, context, 1);
        assertEquals("ecfp4", noFingerprints.name());
        assertEquals(0, noFingerprints.size());
    }

    @Test
    void fingerprintsAndFilteredSplitTheCandidatesByBlock() {
        double[][] x = TestData.gaussian(10, 5, 1);
        SelectionContext context = new SelectionContext(TestData.names(30),
                Map.of("descriptors", new int[] {0, 10}, "ecfp4", new int[] {10, 20}, "maccs", new int[] {20, 30}));
        int[] candidates = {2, 7, 13, 25, 29};
        double[] y = new double[10];
        assertArrayEquals(new int[] {13}, Selectors.fingerprints().select(x, y, candidates, context, 1).columns());
        assertArrayEquals(new int[] {25, 29},
                Selectors.fingerprints("maccs").select(x, y, candidates, context, 1).columns());
        assertArrayEquals(new int[] {2, 7}, Selectors.filtered().select(x, y, candidates, context, 1).columns());
    }
}
