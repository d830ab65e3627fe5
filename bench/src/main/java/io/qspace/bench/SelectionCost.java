package io.qspace.bench;

import io.qspace.select.FeatureSet;
import io.qspace.select.Filters;
import io.qspace.select.MedianImputer;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the default filters and each default selector cost on a QSAR-sized matrix: 2,200 training rows, 300
 * descriptors built from shared latent factors (so many are correlated, some missing, some constant) and 2,048 sparse
 * count bits. Prints each step's wall time and its share of the whole; the forest takes most of it. Run with
 * bench/selection-cost.sh (was a unit test skipped unless asked: timings belong here).
 */
public final class SelectionCost {
    private static final int ROWS = 2200;
    private static final int DESCRIPTORS = 300;
    private static final int BITS = 2048;
    private static final List<String> LINES = new ArrayList<>();
    private static final List<Double> MILLIS = new ArrayList<>();

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < DESCRIPTORS + BITS; j++) {
            names.add("d" + j);
        }
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
        SelectionContext context = new SelectionContext(names,
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
                if (set.size() == 0) {
                    throw new IllegalStateException(single.name() + " found nothing");
                }
                total++;
            }
        }
        double all = MILLIS.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < LINES.size(); i++) {
            System.out.printf("selection cost: %-40s %8.1f ms  %5.1f%%%n", LINES.get(i), MILLIS.get(i),
                    100 * MILLIS.get(i) / all);
        }
        System.out.printf("selection cost: %d selectors, %.1f s in all%n", total, all / 1000);
    }

    private static void log(String what, long startNanos) {
        LINES.add(what);
        MILLIS.add((System.nanoTime() - startNanos) / 1e6);
    }
}
