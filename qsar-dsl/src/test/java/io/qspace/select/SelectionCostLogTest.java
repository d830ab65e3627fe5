package io.qspace.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the default filters and selectors on a QSAR-sized matrix (2,200 training rows, 300 descriptors built from
 * shared latent factors so many are correlated, plus 2,048 sparse count bits) and logs what each step costs.
 * Timings are only printed: the machine is shared, so they are not asserted. The forest alone takes seconds to
 * tens of seconds, so this runs only on request: {@code -Dqspace.selectionCost=true}.
 */
@EnabledIfSystemProperty(named = "qspace.selectionCost", matches = "true")
class SelectionCostLogTest {
    private static final int ROWS = 2200;
    private static final int DESCRIPTORS = 300;
    private static final int BITS = 2048;

    @Test
    void logsTheCostOfFiltersAndEachDefaultSelector() {
        Random random = new Random(2024);
        int columns = DESCRIPTORS + BITS;
        double[][] x = new double[ROWS][columns];
        double[] y = new double[ROWS];
        double[][] loadings = new double[DESCRIPTORS][8];
        for (double[] l : loadings) for (int f = 0; f < 8; f++) l[f] = random.nextGaussian();
        for (int i = 0; i < ROWS; i++) {
            double[] latent = new double[8];
            for (int f = 0; f < 8; f++) latent[f] = random.nextGaussian();
            for (int j = 0; j < DESCRIPTORS; j++) {
                double v = (j % 3 == 0 ? 0.2 : 1.0) * random.nextGaussian();
                for (int f = 0; f < 8; f++) v += loadings[j][f] * latent[f] * (j % 5 == 0 ? 0.1 : 1);
                x[i][j] = j % 37 == 0 ? 1.0 : (random.nextInt(100) == 0 ? Double.NaN : v);
            }
            for (int b = 0; b < BITS; b++) x[i][DESCRIPTORS + b] = random.nextInt(200) < 3 ? 1 + random.nextInt(3) : 0;
            y[i] = latent[0] - 0.5 * latent[3] + 0.3 * random.nextGaussian();
        }
        SelectionContext context = new SelectionContext(TestData.names(columns),
                Map.of("descriptors", new int[] {0, DESCRIPTORS}, "ecfp4", new int[] {DESCRIPTORS, columns}));

        long start = System.nanoTime();
        int[] kept = Filters.standard().keep(x, context);
        log("filters (" + ROWS + " x " + columns + ", " + kept.length + " kept)", start);

        double[][] xKept = new double[ROWS][kept.length];
        for (int i = 0; i < ROWS; i++) for (int c = 0; c < kept.length; c++) xKept[i][c] = x[i][kept[c]];
        start = System.nanoTime();
        double[][] candidates = MedianImputer.fit(xKept).apply(xKept);
        log("median imputation", start);

        int total = 0;
        for (Selector selector : Selectors.defaults()) {
            for (Selector single : selector.each()) {
                start = System.nanoTime();
                FeatureSet set = single.select(candidates, y, kept, context, 42);
                log(single.name() + " (" + set.size() + " columns)", start);
                assertTrue(set.size() > 0, single.name() + " found nothing");
                total++;
            }
        }
        assertEquals(7, total);
    }

    private static void log(String what, long startNanos) {
        System.out.printf("selection cost: %-40s %8.1f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
    }
}
