package io.qspace.validate;

import io.qspace.model.loss.PlattScaling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 12, point 4: the classification measures on hand-checkable cases and against scikit-learn. */
class ClassificationMetricsTest {
    private static final double[] Y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1};
    // ties at 0.4 between actives and an inactive, so ROC-AUC and PR-AUC must handle them
    private static final double[] P = {0.9, 0.1, 0.8, 0.4, 0.4, 0.35, 0.6, 0.7, 0.4, 0.2, 0.55, 0.95};

    @Test
    void handCheckableCases() {
        double[] y = {0, 0, 1, 1};
        assertEquals(1.0, ClassificationMetrics.rocAuc(y, new double[] {0.1, 0.2, 0.8, 0.9}), 1e-15);
        assertEquals(0.0, ClassificationMetrics.rocAuc(y, new double[] {0.9, 0.8, 0.2, 0.1}), 1e-15);
        // every score tied: the chance line, 0.5; average precision is then the active fraction
        assertEquals(0.5, ClassificationMetrics.rocAuc(y, new double[] {0.5, 0.5, 0.5, 0.5}), 1e-15);
        assertEquals(0.5, ClassificationMetrics.prAuc(y, new double[] {0.5, 0.5, 0.5, 0.5}), 1e-15);
        // one inactive (0.6) outranks one active (0.4): 3 of 4 pairs in order
        assertEquals(0.75, ClassificationMetrics.rocAuc(y, new double[] {0.1, 0.6, 0.4, 0.9}), 1e-15);
        // ranked 0.9 (active), 0.6 (inactive), 0.4 (active): AP = 1/2 x 1 + 1/2 x 2/3
        assertEquals(0.5 + 1.0 / 3, ClassificationMetrics.prAuc(y, new double[] {0.1, 0.6, 0.4, 0.9}), 1e-15);
        // at 0.5: tp 1 (0.9), fp 1 (0.6), fn 1 (0.4), tn 1 (0.1)
        assertArrayEquals(new long[] {1, 1, 1, 1}, ClassificationMetrics.confusion(y, new double[] {0.1, 0.6, 0.4, 0.9}));
        assertEquals(0.0, ClassificationMetrics.mcc(y, new double[] {0.1, 0.6, 0.4, 0.9}), 1e-15);
        assertEquals(0.5, ClassificationMetrics.balancedAccuracy(y, new double[] {0.1, 0.6, 0.4, 0.9}), 1e-15);
        assertEquals(0.5, ClassificationMetrics.f1(y, new double[] {0.1, 0.6, 0.4, 0.9}), 1e-15);
        assertEquals((0.01 + 0.36 + 0.36 + 0.01) / 4, ClassificationMetrics.brier(y, new double[] {0.1, 0.6, 0.4, 0.9}),
                1e-15);
        assertEquals(1.0, ClassificationMetrics.mcc(y, y), 1e-15);
        assertEquals(0.0, ClassificationMetrics.brier(y, y), 1e-15);
    }

    /**
     * Reference values from scikit-learn 1.9.1, computed once on these arrays with roc_auc_score,
     * average_precision_score, and matthews_corrcoef, balanced_accuracy_score, f1_score on (P >= 0.5), and
     * brier_score_loss.
     */
    @Test
    void agreeWithScikitLearn() {
        ClassScores s = ClassScores.of(Y, P);
        assertEquals(0.8333333333333333, s.rocAuc(), 1e-12);
        assertEquals(0.8555555555555555, s.prAuc(), 1e-12);
        assertEquals(0.3333333333333333, s.mcc(), 1e-12);
        assertEquals(0.6666666666666666, s.balancedAccuracy(), 1e-12);
        assertEquals(0.6666666666666666, s.f1(), 1e-12);
        assertEquals(0.17145833333333335, s.brier(), 1e-12);
    }

    @Test
    void theCurvesAreaIsTheMeasure() {
        double[][] roc = ClassificationMetrics.rocCurve(Y, P);
        double trapezoids = 0;
        for (int k = 1; k < roc[0].length; k++) {
            trapezoids += (roc[0][k] - roc[0][k - 1]) * (roc[1][k] + roc[1][k - 1]) / 2;
        }
        assertEquals(ClassificationMetrics.rocAuc(Y, P), trapezoids, 1e-12, "ties make a sloped segment");
        assertEquals(0.0, roc[0][0]);
        assertEquals(1.0, roc[0][roc[0].length - 1]);
        assertEquals(1.0, roc[1][roc[1].length - 1]);
        double[][] pr = ClassificationMetrics.precisionRecallCurve(Y, P);
        double steps = 0;
        for (int k = 1; k < pr[0].length; k++) {
            steps += (pr[0][k] - pr[0][k - 1]) * pr[1][k];
        }
        assertEquals(ClassificationMetrics.prAuc(Y, P), steps, 1e-12);
        assertEquals(1.0, pr[0][pr[0].length - 1], 1e-15, "recall ends at 1");
    }

    @Test
    void rankingMeasuresDoNotDependOnRowOrder() {
        int[] order = {11, 3, 7, 0, 5, 9, 1, 10, 2, 8, 4, 6};
        double[] y = Arrays.stream(order).mapToDouble(i -> Y[i]).toArray();
        double[] p = Arrays.stream(order).mapToDouble(i -> P[i]).toArray();
        assertEquals(ClassificationMetrics.rocAuc(Y, P), ClassificationMetrics.rocAuc(y, p), 1e-15);
        assertEquals(ClassificationMetrics.prAuc(Y, P), ClassificationMetrics.prAuc(y, p), 1e-15);
    }

    @Test
    void badInputsAreRefusedOrUndefined() {
        assertTrue(Double.isNaN(ClassificationMetrics.rocAuc(new double[] {1, 1}, new double[] {0.2, 0.8})),
                "one class only: no ROC-AUC");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.rocAuc(new double[] {0, 2}, new double[] {0.2, 0.8}));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("not 0 or 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.brier(new double[] {0}, new double[] {}));
    }

    @Test
    void metricsKnowTheirDirectionAndKind() {
        assertTrue(Metric.ROC_AUC.better(0.8, 0.7));
        assertTrue(Metric.BRIER.better(0.1, 0.2));
        assertTrue(Metric.RMSE.better(0.5, 0.6));
        assertTrue(Metric.PR_AUC.better(0.1, Double.NaN), "a number beats a missing value");
        assertEquals(Metric.ROC_AUC, Metric.defaultFor(ModelKind.CLASSIFICATION));
        assertEquals(Metric.RMSE, Metric.defaultFor(ModelKind.REGRESSION));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.named("auc"));
        assertTrue(e.getMessage().contains("roc_auc") && e.getMessage().contains("pr_auc"), e.getMessage());
    }

    /**
     * Platt's sigmoid against scikit-learn 1.9.1's sklearn.calibration._sigmoid_calibration on these scores (same
     * regularised targets, minimised there by L-BFGS and here by Newton's method): a = -1.05146, b = 0.20686.
     */
    @Test
    void plattScalingAgreesWithScikitLearn() {
        double[] s = {2.0, -1.5, 1.0, -0.3, 0.0, -0.2, 0.5, 1.0, 1.4, -2.2, -0.8, 0.9};
        PlattScaling platt = PlattScaling.fit(s, Y);
        assertEquals(-1.0514550824024749, platt.a(), 1e-4);
        assertEquals(0.20686160565831188, platt.b(), 1e-4);
        assertTrue(platt.probability(2) > platt.probability(-2), "higher scores, likelier actives");
    }
}
