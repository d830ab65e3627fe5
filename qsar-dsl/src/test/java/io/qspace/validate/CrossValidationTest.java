package io.qspace.validate;

import io.qspace.split.Folds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.model.Synthetic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static final double[][] X = Synthetic.uniform(100, 3, 41);
    private static final double[] Y = Synthetic.linear(X, 0.5, 42);

    @Test
    void linearSignalGivesHighQ2AndConsistentMetrics() {
        CvResult cv = CrossValidation.run(Builders.mlr(), X, Y, 5, 1);
        assertEquals(5, cv.fits());
        assertTrue(cv.q2() > 0.95, "q2 " + cv.q2());
        assertEquals(Metrics.rmse(Y, cv.predicted()), cv.rmse(), 1e-12);
        assertEquals(Metrics.q2(Y, cv.predicted()), cv.q2(), 1e-12);
    }

    @Test
    void predictionsAreOutOfFold() {
        // 1-nearest-neighbour predicts a seen compound exactly; out of fold it cannot, since all rows differ.
        CvResult cv = CrossValidation.run(Builders.knn().k(1), X, Y, 5, 1);
        for (int i = 0; i < Y.length; i++) {
            assertTrue(cv.predicted()[i] != Y[i], "row " + i + " was predicted by a model that saw it");
        }
    }

    @Test
    void seededFoldsAndFitsRepeatExactly() {
        ModelBuilder forest = Builders.randomForest().trees(20);
        CvResult first = CrossValidation.run(forest, X, Y, 5, 3);
        assertArrayEquals(first.predicted(), CrossValidation.run(forest, X, Y, 5, 3).predicted());
        assertFalse(Arrays.equals(first.predicted(), CrossValidation.run(forest, X, Y, 5, 4).predicted()));
    }

    @Test
    void foldsDifferInSizeByAtMostOne() {
        int[] fold = Folds.assign(23, 5, 9);
        int[] size = new int[5];
        for (int f : fold) {
            size[f]++;
        }
        assertEquals(5, Arrays.stream(size).max().getAsInt());
        assertEquals(4, Arrays.stream(size).min().getAsInt());
    }

    @Test
    void fewerCompoundsThanFoldsIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(Builders.mlr(), Synthetic.uniform(3, 2, 1), new double[3], 5, 1));
        assertTrue(e.getMessage().contains("3 compounds") && e.getMessage().contains("5 folds"), e.getMessage());
    }
}
