package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.GridSearch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kNN gives the same numbers whatever ran before it in the JVM: a grid's CV and a final fit on row objects that
 * other models, k values and the applicability domain have already indexed and queried (the shared index cache and
 * its remembered neighbours) equal the same work on fresh copies of the rows, which no cache has seen.
 */
class KnnHistoryTest {
    @Test
    void warmCachesGiveTheNumbersOfFreshRows() {
        double[][] dense = Synthetic.uniform(300, 12, 3);
        for (int i = 0; i < 30; i++) {
            dense[150 + i] = dense[i].clone(); // ties: equal distances must keep their order
        }
        for (double[][] x : List.of(dense, Synthetic.counts(300, 120, 8, 4))) {
            double[] y = Synthetic.nonlinear(x, 5);
            double[][] fresh = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
            Outcome cold = outcome(fresh, y);

            // history on the very row objects: other k values, other grids, the domain, predictions of every row
            for (int k : new int[] {1, 3, 9, 16, 17}) {
                Builders.knn().k(k).fit(x, y, 7).predict(x);
            }
            GridSearch.best(Builders.knn().k(1, 2, 5), x, y, 5, 9);
            ApplicabilityDomain.fit(x).scores(x);
            Builders.knn().k(5).fit(Arrays.copyOfRange(x, 0, 200), Arrays.copyOfRange(y, 0, 200), 7).predict(x);

            Outcome warm = outcome(x, y);
            for (int p = 0; p < cold.cv.points().size(); p++) {
                assertArrayEquals(cold.cv.points().get(p).cv().predictions()[0],
                        warm.cv.points().get(p).cv().predictions()[0], 0.0, "CV of " + cold.cv.points().get(p).builder());
            }
            assertEquals(cold.cv.best(), warm.cv.best());
            assertArrayEquals(cold.test, warm.test, 0.0, "final fit on the training part, predicting the test part");
        }
    }

    private record Outcome(GridSearch.Result cv, double[] test) {}

    private static Outcome outcome(double[][] x, double[] y) {
        int cut = x.length * 4 / 5;
        double[][] train = Arrays.copyOfRange(x, 0, cut);
        double[] yTrain = Arrays.copyOfRange(y, 0, cut);
        GridSearch.Result cv = GridSearch.best(Builders.knn().k(3, 5), train, yTrain, 3, 42);
        double[] test = cv.best().fit(train, yTrain, 1).predict(Arrays.copyOfRange(x, cut, x.length));
        return new Outcome(cv, test);
    }
}
