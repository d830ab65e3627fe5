package io.qspace.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How a file's rows become classes, before curation merges duplicates by the majority class: a threshold on a
 * continuous activity ({@code activity("pKi").activeAtLeast(6.5)}) or a label column ({@code label("hERG_class")}).
 * Whole-file problems (one class only, a threshold outside the activities' range) skip the dataset with the reason;
 * a row with a label outside the declared classes is skipped with an issue naming it. A label column with more than
 * two classes keeps them all here; the loader then makes one dataset per class against the rest ({@link OneVsRest}).
 */
public sealed interface ClassRule extends Serializable {

    /** The rows with their activity replaced by the class index, and the classes; SkipFile when unusable. */
    Labelled apply(List<RawRow> rows, String file, String field, List<LoadIssue> issues) throws SkipFile;

    /** The rule in words, for the dataset's identity. */
    String describe(String field);

    record Labelled(List<RawRow> rows, Classes classes) {}

    /** Active when the activity is at least the threshold (on the activity's own scale, after any nM conversion). */
    record AtLeast(double threshold) implements ClassRule {
        public AtLeast {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("an activity threshold must be a finite number, not " + threshold);
            }
        }

        @Override
        public Labelled apply(List<RawRow> rows, String file, String field, List<LoadIssue> issues) throws SkipFile {
            double min = rows.stream().mapToDouble(RawRow::activity).min().orElse(Double.NaN);
            double max = rows.stream().mapToDouble(RawRow::activity).max().orElse(Double.NaN);
            if (!rows.isEmpty() && (threshold > max || threshold <= min)) {
                throw new SkipFile(String.format(Locale.ROOT, "the threshold %s is outside the range of column '%s'"
                        + " in %s (%.2f to %.2f): every compound would be %s", describe(field), field, file, min, max,
                        threshold > max ? "inactive" : "active"));
            }
            List<RawRow> out = new ArrayList<>(rows.size());
            for (RawRow r : rows) {
                out.add(r.withActivity(r.activity() >= threshold ? 1 : 0));
            }
            return new Labelled(out, new Classes(List.of("inactive", "active"), describe(field)));
        }

        @Override
        public String describe(String field) {
            return field + " >= " + threshold;
        }
    }

    /**
     * Classes from a label column. Declared classes are in code order, inactive first; undeclared, two labels are
     * ordered when they are a known pair (0/1, false/true, no/yes, inactive/active, negative/positive, any case), and
     * three or more are in alphabetical order (each is modelled against the rest, so none is "the" active class).
     */
    record Label(String column, List<String> declared) implements ClassRule {
        private static final List<List<String>> KNOWN_PAIRS = List.of(List.of("0", "1"), List.of("false", "true"),
                List.of("no", "yes"), List.of("inactive", "active"), List.of("negative", "positive"),
                List.of("n", "y"));

        public Label {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("name the label column, e.g. .label(\"hERG_class\")");
            }
            declared = List.copyOf(declared);
            if (declared.size() == 1) {
                throw new IllegalArgumentException("label column '" + column + "' is declared with one class ('"
                        + declared.get(0) + "'): declare two or more, inactive first when there are two");
            }
            for (String name : declared) {
                if (name.contains("|")) {
                    throw new IllegalArgumentException("class '" + name + "' of label column '" + column
                            + "' holds a '|', which separates the classes of a prediction set: rename it");
                }
            }
            if (new java.util.HashSet<>(declared).size() != declared.size()) {
                throw new IllegalArgumentException("the classes of label column '" + column
                        + "' name one class twice: " + declared);
            }
        }

        @Override
        public Labelled apply(List<RawRow> rows, String file, String field, List<LoadIssue> issues) throws SkipFile {
            List<String> classes = declared.isEmpty() ? inferred(rows, file) : declared;
            if (classes.size() < 2) {
                throw new SkipFile("label column '" + column + "' in " + file + " has one class only ("
                        + (classes.isEmpty() ? "no labels" : "'" + classes.get(0) + "'") + "): a classifier needs two");
            }
            List<RawRow> out = new ArrayList<>(rows.size());
            for (RawRow r : rows) {
                int index = classes.indexOf(r.label());
                if (index < 0) {
                    issues.add(new LoadIssue(file, r.row(), column, "unknown label '" + r.label()
                            + "' (the classes are " + String.join(" and ", classes) + "); row skipped"));
                    continue;
                }
                out.add(r.withActivity(index));
            }
            return new Labelled(out, new Classes(classes, describe(field)));
        }

        private List<String> inferred(List<RawRow> rows, String file) throws SkipFile {
            TreeSet<String> found = new TreeSet<>();
            rows.forEach(r -> found.add(r.label()));
            for (String label : found) {
                if (label.contains("|")) {
                    throw new SkipFile(file + ": label '" + label + "' in column '" + column + "' holds a '|', which"
                            + " separates the classes of a prediction set: rename it");
                }
            }
            if (found.size() != 2) {
                return List.copyOf(found);
            }
            String a = found.first();
            String b = found.last();
            for (List<String> pair : KNOWN_PAIRS) {
                if (a.equalsIgnoreCase(pair.get(0)) && b.equalsIgnoreCase(pair.get(1))) {
                    return List.of(a, b);
                }
                if (b.equalsIgnoreCase(pair.get(0)) && a.equalsIgnoreCase(pair.get(1))) {
                    return List.of(b, a);
                }
            }
            throw new SkipFile(file + ": cannot tell which of '" + a + "' and '" + b + "' in column '" + column
                    + "' is the active class: declare them, inactive first, with .label(\"" + column + "\", \""
                    + a + "\", \"" + b + "\")");
        }

        @Override
        public String describe(String field) {
            return "label " + column;
        }
    }
}
