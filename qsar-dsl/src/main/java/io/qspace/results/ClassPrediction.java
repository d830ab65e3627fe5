package io.qspace.results;

import java.util.List;

/**
 * A classifier's answer for one structure: the calibrated probability of the active (positive) class, the class
 * that probability calls at 0.5, and its Mondrian conformal prediction sets, one per requested confidence.
 */
public record ClassPrediction(double probability, String predictedClass, List<PredictionSet> sets) {
    public ClassPrediction {
        sets = List.copyOf(sets);
    }

    /**
     * A classifier's prediction from its raw probability of class 1: calibrated, called at 0.5, and its Mondrian
     * prediction sets; without a calibration (a model stored before it) the raw probability and empty sets.
     */
    public static ClassPrediction of(io.qspace.validate.ClassCalibration calibration, double raw,
                                     List<Double> confidences) {
        double p = calibration == null ? raw : calibration.probability(raw);
        List<String> names = calibration == null ? List.of("inactive", "active") : calibration.classes();
        List<PredictionSet> sets = new java.util.ArrayList<>(confidences.size());
        for (double c : confidences) {
            sets.add(new PredictionSet(c, calibration == null ? List.of() : calibration.set(raw, c)));
        }
        return new ClassPrediction(p, names.get(p >= io.qspace.validate.ClassificationMetrics.CUT ? 1 : 0), sets);
    }

    /** The classes a prediction set at one confidence holds: one (a confident call), both (cannot tell) or none. */
    public record PredictionSet(double confidence, List<String> classes) {
        public PredictionSet {
            classes = List.copyOf(classes);
        }

        /** "active", "inactive|active", or "" for the empty set. */
        public String label() {
            return String.join("|", classes);
        }
    }

    /** The set at a confidence this prediction was made with. */
    public PredictionSet set(double confidence) {
        for (PredictionSet s : sets) {
            if (Math.abs(s.confidence() - confidence) < 1e-12) {
                return s;
            }
        }
        throw new IllegalArgumentException("no " + io.qspace.validate.Interval.percent(confidence)
                + "% prediction set on this prediction; it has " + sets.stream()
                .map(s -> io.qspace.validate.Interval.percent(s.confidence()) + "%").toList());
    }
}
