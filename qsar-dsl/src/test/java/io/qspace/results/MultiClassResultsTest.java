package io.qspace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.OneVsRest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Three classes' test predictions put together by hand-made tables: the answer per compound, the prediction sets,
 * and the metrics checked against scikit-learn's on the same labels (accuracy_score, balanced_accuracy_score,
 * f1_score(average="macro"), matthews_corrcoef, roc_auc_score per class), with a class the test part lacks.
 */
class MultiClassResultsTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");
    /** observed class per compound: "c" is never observed, though predicted once */
    private static final int[] OBSERVED = {0, 0, 0, 1, 1, 1, 0, 1};
    /** each class model's calibrated probability of its class */
    private static final double[][] P = {{.6, .2, .1}, {.5, .4, .1}, {.2, .5, .1}, {.1, .7, .1}, {.3, .3, .1},
        {.2, .1, .6}, {.7, .1, .1}, {.2, .6, .1}};

    /** A class's own sets: itself from 0.5, both from 0.2 (at 90%) or 0.3 (at 80%), else its rest. */
    private static String set(int c, double p, double from) {
        String positive = CLASSES.get(c);
        String rest = OneVsRest.rest(positive);
        return p >= 0.5 ? positive : p >= from ? rest + "|" + positive : rest;
    }

    private static List<Table> perClass(double[][] p, int[] observed, String firstId) {
        List<Table> out = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            int cls = c;
            Table t = Table.create(CLASSES.get(c),
                    StringColumn.create("id", java.util.stream.IntStream.range(0, p.length)
                            .mapToObj(i -> i == 0 ? firstId : "m" + i)),
                    StringColumn.create("smiles", java.util.stream.IntStream.range(0, p.length)
                            .mapToObj(i -> "C".repeat(i + 1))),
                    DoubleColumn.create("observed", java.util.Arrays.stream(observed).mapToDouble(o -> o == cls ? 1 : 0)),
                    DoubleColumn.create("probability", java.util.Arrays.stream(p).mapToDouble(r -> r[cls])),
                    StringColumn.create("set_80", java.util.Arrays.stream(p).map(r -> set(cls, r[cls], 0.3))),
                    StringColumn.create("set_90", java.util.Arrays.stream(p).map(r -> set(cls, r[cls], 0.2))));
            out.add(t);
        }
        return out;
    }

    @Test
    void answersSetsAndMetricsAsScikitLearnComputesThem() {
        MultiClassResults r = MultiClassResults.combine("f", CLASSES, List.of(), perClass(P, OBSERVED, "m0"));
        Table t = r.predictions();
        // argmax of the scaled probabilities, the first class on a tie (compound 4: a and b at 0.3)
        assertEquals(List.of("a", "a", "b", "b", "a", "c", "a", "b"), t.stringColumn("predicted").asList());
        assertEquals(0.6 / 0.9, t.doubleColumn("p_a").get(0), 1e-12);
        // each class is in a compound's set when its own set holds it: compound 0 (a .6, b .2, c .1) is "a" at 80%
        // and "a|b" at 90%; compound 4 (a .3, b .3) "a|b"; compound 5 (a .2, b .1, c .6) "c" and "a|c"
        assertEquals(List.of("a", "a|b", "b", "b", "a|b", "c", "a", "b"), t.stringColumn("set_80").asList());
        assertEquals(List.of("a|b", "a|b", "a|b", "b", "a|b", "a|c", "a", "a|b"), t.stringColumn("set_90").asList());

        Map<String, Double> m = r.metrics();
        // scikit-learn 1.x on obs [0,0,0,1,1,1,0,1] and pred [0,0,1,1,0,2,0,1]
        assertEquals(0.625, m.get("accuracy"), 1e-12);
        assertEquals(0.625, m.get("balanced_accuracy"), 1e-12); // over a and b: c is not observed
        assertEquals(0.44047619047619047, m.get("macro_f1"), 1e-12); // over a, b and c: c is predicted once
        assertEquals(0.3441236008058426, m.get("mcc"), 1e-12);
        assertEquals(0.8125, m.get("macro_roc_auc"), 1e-12); // over a and b
        // coverage: the 90% set holds the true class for all but compound 5 (b at 0.1: "not b")
        assertEquals(7.0 / 8, m.get("coverage_90"), 1e-12);

        // each class against the rest: its 0/1 labels and its probabilities, whose ROC-AUCs average to macro_roc_auc
        Map<String, Table> curves = r.againstTheRest();
        assertEquals(List.of("a", "b", "c"), List.copyOf(curves.keySet()));
        assertEquals(List.of(0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0), curves.get("b").doubleColumn("observed").asList());
        assertEquals(0.8125, (io.qspace.validate.ClassificationMetrics.rocAuc(
                curves.get("a").doubleColumn("observed").asDoubleArray(), curves.get("a").doubleColumn("predicted")
                        .asDoubleArray()) + io.qspace.validate.ClassificationMetrics.rocAuc(
                curves.get("b").doubleColumn("observed").asDoubleArray(), curves.get("b").doubleColumn("predicted")
                        .asDoubleArray())) / 2, 1e-12);

        Table confusion = r.confusion();
        assertEquals(List.of(3, 1, 0), confusion.intColumn("a").asList()); // predicted a: 3 observed a, 1 b
        assertEquals(1, confusion.intColumn("c").get(1));
    }

    @Test
    void predictionsThatDoNotBelongTogetherAreRefused() {
        List<Table> tables = perClass(P, OBSERVED, "m0");
        // one class's table names another compound: the test parts differ
        List<Table> differing = new ArrayList<>(tables);
        differing.set(2, perClass(P, OBSERVED, "other").get(2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MultiClassResults.combine("f", CLASSES, List.of(), differing));
        assertTrue(e.getMessage().contains("test parts of f's classes differ"), e.getMessage());
        // an id and structure twice in one table
        List<Table> twice = perClass(P, OBSERVED, "m1");
        for (Table t : twice) {
            t.stringColumn("smiles").set(0, t.stringColumn("smiles").get(1));
        }
        e = assertThrows(IllegalStateException.class, () -> MultiClassResults.combine("f", CLASSES, List.of(), twice));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        // a NaN probability is an error, not a uniform guess
        double[][] nan = java.util.Arrays.stream(P).map(double[]::clone).toArray(double[][]::new);
        nan[3][1] = Double.NaN;
        e = assertThrows(IllegalStateException.class,
                () -> MultiClassResults.combine("f", CLASSES, List.of(), perClass(nan, OBSERVED, "m0")));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
