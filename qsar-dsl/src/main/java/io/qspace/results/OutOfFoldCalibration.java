package io.qspace.results;

import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.Conformal;
import java.nio.charset.StandardCharsets;

/**
 * Reads a build's stored out-of-fold predictions ({@code id,repeat,fold,observed,predicted}, training order, one
 * block per repeat) into the conformal calibration of its model; the difficulty of each row is its training
 * compound's applicability-domain score (none for a consensus, which has no domain of its own).
 */
final class OutOfFoldCalibration {
    private OutOfFoldCalibration() {}

    static Conformal of(byte[] csv, ApplicabilityDomain domain, String where) {
        double[][] columns = observedAndPredicted(csv, where);
        double[] observed = columns[0];
        double[] predicted = columns[1];
        int rows = observed.length;
        // a consensus has no domain of its own: no difficulty, one width for every compound
        double[] scores = domain != null ? domain.trainingScores() : new double[rows];
        if (rows == 0 || rows % scores.length != 0) {
            throw new IllegalStateException(where + " has " + rows + " out-of-fold rows for " + scores.length
                    + " training compounds: not a whole number of repeats");
        }
        double[] difficulty = new double[rows];
        for (int i = 0; i < rows; i++) {
            difficulty[i] = scores[i % scores.length];
        }
        return Conformal.fit(observed, predicted, difficulty);
    }

    /** A classifier's calibration (probabilities and Mondrian sets) from its build's out-of-fold probabilities. */
    static io.qspace.validate.ClassCalibration ofClasses(byte[] csv, java.util.List<String> classes, String where) {
        double[][] columns = observedAndPredicted(csv, where);
        if (columns[0].length == 0) {
            throw new IllegalStateException(where + " has no out-of-fold rows");
        }
        return io.qspace.validate.ClassCalibration.fit(classes, columns[0], columns[1]);
    }

    /** The observed and predicted columns of the out-of-fold rows, in file order. */
    private static double[][] observedAndPredicted(byte[] csv, String where) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r?\n");
        int rows = 0;
        double[] observed = new double[Math.max(0, lines.length - 1)];
        double[] predicted = new double[observed.length];
        for (int l = 1; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            // the id may be quoted and hold commas; the last two fields are numbers
            int last = lines[l].lastIndexOf(',');
            int before = lines[l].lastIndexOf(',', last - 1);
            try {
                observed[rows] = Double.parseDouble(lines[l].substring(before + 1, last));
                predicted[rows] = Double.parseDouble(lines[l].substring(last + 1));
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + ", line " + (l + 1) + ": expected observed and predicted"
                        + " numbers at the end, got '" + lines[l] + "'", e);
            }
            rows++;
        }
        return new double[][] {java.util.Arrays.copyOf(observed, rows), java.util.Arrays.copyOf(predicted, rows)};
    }
}
