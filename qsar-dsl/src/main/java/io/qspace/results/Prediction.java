package io.qspace.results;

import io.qspace.validate.Interval;
import java.util.List;

/**
 * A predicted activity for one structure, with its conformal intervals (one per requested confidence, default 80%
 * and 90%), its applicability-domain score (mean distance to the nearest training compounds in descriptor space) and
 * whether that lies inside the model's domain. error is non-empty when the structure could not be read; value is
 * then NaN. Intervals have NaN bounds when the model was stored without out-of-fold residuals. A classifier's
 * prediction has no intervals but {@link #classes()}: its calibrated probability and conformal prediction sets.
 */
public record Prediction(String smiles, double value, double domainScore, boolean inDomain, String error,
                         List<Interval> intervals, ClassPrediction classes) {
    public Prediction {
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
    }

    /** A regression's prediction with its intervals. */
    public Prediction(String smiles, double value, double domainScore, boolean inDomain, String error,
                      List<Interval> intervals) {
        this(smiles, value, domainScore, inDomain, error, intervals, null);
    }

    /** Whether this is a classifier's prediction: value is then the raw probability of the active class. */
    public boolean classifies() {
        return classes != null;
    }

    public Prediction(String smiles, double value, double domainScore, boolean inDomain, String error) {
        this(smiles, value, domainScore, inDomain, error, List.of());
    }

    public boolean ok() {
        return error == null || error.isEmpty();
    }

    /** The interval at a confidence this prediction was made with, e.g. {@code interval(0.9)}. */
    public Interval interval(double confidence) {
        for (Interval i : intervals) {
            if (Math.abs(i.confidence() - confidence) < 1e-12) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + Interval.percent(confidence) + "% interval on this prediction;"
                + " it has " + intervals.stream().map(i -> Interval.percent(i.confidence()) + "%").toList()
                + ": ask the model for it, model.predict(smiles, " + confidence + ")");
    }
}
