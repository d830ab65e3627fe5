package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.Synthetic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Repeated k-fold, per-fold inputs and per-fold RMSEs. */
class RepeatedCvTest {
    private static final double[][] X = Synthetic.uniform(60, 3, 11);
    private static final double[] Y = Synthetic.linear(X, 0.5, 12);

    @Test
    void repeatsDealNewFoldsAndPoolTheirPredictions() {
        Validation three = Validation.kFold(5).repeated(3);
        CvResult cv = CrossValidation.run(Builders.knn().k(3), FoldInputs.same(X), Y, three, 4);
        assertEquals(15, cv.fits());
        assertEquals(3, cv.repeats());
        assertEquals(3 * Y.length, cv.predicted().length);
        assertFalse(Arrays.equals(cv.folds()[0], cv.folds()[1]), "each repeat deals its own folds");
        // the first repeat is plain k-fold with the same seed
        CvResult plain = CrossValidation.run(Builders.knn().k(3), X, Y, 5, 4);
        assertArrayEquals(plain.predictions()[0], cv.predictions()[0]);
        double[] observed = new double[3 * Y.length];
        for (int r = 0; r < 3; r++) System.arraycopy(Y, 0, observed, r * Y.length, Y.length);
        assertEquals(Metrics.rmse(observed, cv.predicted()), cv.rmse(), 1e-12);
        assertEquals(Metrics.q2(observed, cv.predicted()), cv.q2(), 1e-12);
    }

    @Test
    void foldRmseIsTheRmseOfEachFoldsHeldOutRows() {
        CvResult cv = CrossValidation.run(Builders.mlr(), FoldInputs.same(X), Y, Validation.kFold(4).repeated(2), 9);
        for (int r = 0; r < 2; r++) {
            for (int f = 0; f < 4; f++) {
                int fold = f;
                int rr = r;
                int[] rows = java.util.stream.IntStream.range(0, Y.length).filter(i -> cv.folds()[rr][i] == fold)
                        .toArray();
                double[] observed = Arrays.stream(rows).mapToDouble(i -> Y[i]).toArray();
                double[] predicted = Arrays.stream(rows).mapToDouble(i -> cv.predictions()[rr][i]).toArray();
                assertEquals(Metrics.rmse(observed, predicted), cv.foldRmse()[r][f], 1e-12);
            }
        }
        assertEquals(cv.foldRmse()[0].length, 4);
    }

    @Test
    void everyFoldIsFittedOnItsOwnInputs() {
        // fold 0 gets the real columns, the others a constant column: only fold 0's rows are predicted well
        double[][] constant = new double[Y.length][1];
        CvResult cv = CrossValidation.run(Builders.mlr(), (r, f) -> f == 0 ? X : constant, Y, Validation.kFold(3), 5);
        assertTrue(cv.foldRmse()[0][0] < 0.5 * cv.foldRmse()[0][1], Arrays.toString(cv.foldRmse()[0]));
        assertTrue(cv.foldRmse()[0][0] < 0.5 * cv.foldRmse()[0][2], Arrays.toString(cv.foldRmse()[0]));
    }

    @Test
    void aFoldWhoseSelectionIsEmptyPredictsItsTrainingMean() {
        double[][] none = new double[Y.length][0];
        CvResult cv = CrossValidation.run(Builders.mlr(), (r, f) -> none, Y, Validation.kFold(3), 5);
        int[] fold = cv.folds()[0];
        for (int i = 0; i < Y.length; i++) {
            int f = fold[i];
            double mean = java.util.stream.IntStream.range(0, Y.length).filter(j -> fold[j] != f)
                    .mapToDouble(j -> Y[j]).average().orElseThrow();
            assertEquals(mean, cv.predictions()[0][i], 1e-12);
        }
    }

    @Test
    void foldRmseTextRoundTrips() {
        double[][] rmse = {{0.5, 0.25, 1.0 / 3}, {0.75, 0.125, 2.0}};
        double[][] back = FoldRmse.parse(FoldRmse.format(rmse));
        for (int r = 0; r < 2; r++) assertArrayEquals(rmse[r], back[r], 1e-6);
        assertEquals(0, FoldRmse.parse("").length);
        assertEquals("", FoldRmse.format(new double[0][]));
    }
}
