package io.qspace.validate;

import io.qspace.model.ModelBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-validates every point of a builder's grid and keeps the best by the validation's metric (lowest CV RMSE for a
 * regression, highest CV ROC-AUC for a classification unless another is named; ties: the first).
 */
public final class GridSearch {
    private GridSearch() {}

    /** One grid point's outcome: its CV result, or the message of the exception that stopped it. */
    public record Point(ModelBuilder builder, CvResult cv, String failure) implements Serializable {
        public boolean failed() {
            return failure != null;
        }
    }

    /** The chosen point, its CV result, every point in grid order, and the number of models fitted. */
    public record Result(ModelBuilder best, CvResult cv, List<Point> points, int fits) implements Serializable {
        public Result {
            points = List.copyOf(points);
        }
    }

    public static Result best(ModelBuilder builder, double[][] x, double[] y, int k, long seed) {
        return best(builder, FoldInputs.same(x), y, Validation.kFold(k), seed);
    }

    /** Every point on the same folds and fold inputs, repeated as the validation says. */
    public static Result best(ModelBuilder builder, FoldInputs inputs, double[] y, Validation validation, long seed) {
        CrossValidation.checkFolds(y.length, validation.folds());
        List<Point> points = new ArrayList<>();
        Point best = null;
        int fits = 0;
        for (ModelBuilder point : builder.grid()) {
            Point outcome;
            try {
                // Same seed for every point: all points see the same folds, so they are compared fairly.
                CvResult cv = CrossValidation.run(point, inputs, y, validation, seed);
                fits += cv.fits();
                outcome = new Point(point, cv, null);
                if (best == null || validation.metric().better(validation.metric().of(cv),
                        validation.metric().of(best.cv()))) {
                    best = outcome;
                }
            } catch (RuntimeException e) {
                outcome = new Point(point, null, describe(e));
            }
            points.add(outcome);
        }
        if (best == null) {
            throw new IllegalStateException("every grid point of " + builder + " failed: "
                    + points.stream().map(p -> p.builder() + ": " + p.failure()).toList());
        }
        return new Result(best.builder(), best.cv(), points, fits);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
