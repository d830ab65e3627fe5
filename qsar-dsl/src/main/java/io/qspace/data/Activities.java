package io.qspace.data;

import java.util.List;

/** Reads one activity cell: a finite number, optionally converted from nanomolar to a p-value. */
final class Activities {
    private Activities() {}

    /** @return the activity on a log scale, or null after adding an issue that says why the cell is unusable */
    static Double parse(String text, boolean fromNanomolar, String file, int row, String field, List<LoadIssue> issues) {
        if (text == null || text.isBlank()) {
            issues.add(new LoadIssue(file, row, field, "empty activity; row skipped"));
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            issues.add(new LoadIssue(file, row, field, "activity '" + text.trim() + "' is not a number; row skipped"));
            return null;
        }
        if (!Double.isFinite(value)) {
            issues.add(new LoadIssue(file, row, field, "activity '" + text.trim() + "' is not finite; row skipped"));
            return null;
        }
        if (!fromNanomolar) {
            return value;
        }
        if (value <= 0) {
            issues.add(new LoadIssue(file, row, field, "concentration " + text.trim()
                    + " nM is not positive, so it has no p-value; row skipped"));
            return null;
        }
        return pFromNanomolar(value);
    }

    /** pIC50 (or pKi) = -log10(molar) = 9 - log10(nM). */
    static double pFromNanomolar(double nanomolar) {
        return 9.0 - Math.log10(nanomolar);
    }

    /** "train"/"test" whatever the case, or null after adding an issue. */
    static String split(String text, String file, int row, String field, List<LoadIssue> issues) {
        String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("train") || value.equals("test")) {
            return value;
        }
        issues.add(new LoadIssue(file, row, field, value.isEmpty()
                ? "empty split value (expected train or test); row skipped"
                : "unknown split value '" + text.trim() + "' (expected train or test); row skipped"));
        return null;
    }
}
