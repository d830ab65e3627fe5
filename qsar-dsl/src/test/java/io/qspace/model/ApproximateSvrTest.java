package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import smile.math.kernel.GaussianKernel;
import smile.regression.Regression;
import smile.regression.SVM;

/** SVR's exact limit, its Nystrom approximation, and the sparse RBF kernel on fingerprint counts. */
class ApproximateSvrTest {

    @Test
    void rbfOnRawCountsGivesTheDenseKernelsModelDigitForDigit() {
        double[][] x = Synthetic.counts(300, 512, 15, 4);
        double[] y = Synthetic.linear(Arrays.stream(x).map(r -> Arrays.copyOf(r, 8)).toArray(double[][]::new),
                0.3, 5);
        Model sparse = Builders.svr().c(10).fit(x, y, 1);
        double sigma = Math.sqrt(1.0 / (2.0 * Kernels.scaleGamma(x)));
        Regression<double[]> dense = SVM.fit(x, y, new GaussianKernel(sigma), 0.1, 10, 1e-3);
        double[][] test = Synthetic.counts(50, 512, 15, 6);
        for (double[] row : test) {
            assertEquals(dense.predict(row), sparse.predict(row), 0.0);
        }
    }

    @Test
    void theLimitCountsTrainingRowsAndTheApproximationNamesItself() {
        double[][] x = Synthetic.uniform(200, 3, 1);
        double[] y = Synthetic.nonlinear(x, 2);
        Model exact = Builders.svr().c(10).exactUpTo(200).fit(x, y, 3);
        Model approximate = Builders.svr().c(10).exactUpTo(199).landmarks(50).fit(x, y, 3);
        assertFalse(exact instanceof Approximation);
        assertTrue(approximate instanceof Approximation);
        assertTrue(((Approximation) approximate).approximation().matches("nystrom\\(\\d+ of 50 landmarks\\)"),
                ((Approximation) approximate).approximation());
        assertThrows(IllegalArgumentException.class, () -> Builders.svr().exactUpTo(0));
        assertThrows(IllegalArgumentException.class, () -> Builders.svr().landmarks(5));
    }

    @Test
    void theApproximationIsSeededAndCloseToExactWhenTheKernelIsLowRank() {
        double[][] x = Synthetic.uniform(600, 3, 11);
        double[] y = Synthetic.nonlinear(x, 12);
        double[][] test = Synthetic.uniform(200, 3, 13);
        double[] truth = Synthetic.nonlinear(test, 14);
        double exact = Synthetic.rmse(truth, Builders.svr().c(10).fit(x, y, 1).predict(test));
        Model a = Builders.svr().c(10).exactUpTo(100).landmarks(200).fit(x, y, 1);
        Model b = Builders.svr().c(10).exactUpTo(100).landmarks(200).fit(x, y, 1);
        Model other = Builders.svr().c(10).exactUpTo(100).landmarks(200).fit(x, y, 2);
        assertEquals(Arrays.toString(a.predict(test)), Arrays.toString(b.predict(test)));
        assertNotEquals(Arrays.toString(a.predict(test)), Arrays.toString(other.predict(test)));
        double approximate = Synthetic.rmse(truth, a.predict(test));
        assertTrue(approximate < exact * 1.05, "approximate " + approximate + " vs exact " + exact);
    }

    @Test
    void tanimotoAboveTheLimitIsApproximatedToo() {
        double[][] x = Synthetic.counts(300, 256, 15, 21);
        double[] y = Synthetic.linear(Arrays.stream(x).map(r -> Arrays.copyOf(r, 8)).toArray(double[][]::new),
                0.3, 22);
        Model m = Builders.svr().kernel("tanimoto").exactUpTo(100).landmarks(100).fit(x, y, 1);
        assertTrue(m instanceof Approximation);
        assertTrue(Double.isFinite(m.predict(x[0])));
    }

}
