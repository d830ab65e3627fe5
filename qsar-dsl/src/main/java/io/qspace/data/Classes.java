package io.qspace.data;

import java.io.Serializable;
import java.util.List;

/**
 * The classes of a classification dataset: their names in code order (class i is stored as activity i, so a binary
 * dataset holds 0 = inactive and 1 = active) and the rule that made them ("pKi >= 6.5" or "label hERG_class").
 * Both are part of the dataset's identity: a regression and a classification of one file never share stored results.
 * A label column with more than two classes is read with all its names and then modelled one class against the rest
 * ({@link OneVsRest}): each of those datasets is binary and carries its family.
 *
 * @param family for a dataset of one class against the rest, the file's classes and each compound's class; else null
 */
public record Classes(List<String> names, String rule, OneVsRest family) implements Serializable {
    public Classes {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("a classification needs two classes, found " + names.size() + ": "
                    + names);
        }
        if (family != null && names.size() != 2) {
            throw new IllegalArgumentException("one class against the rest is binary, not " + names);
        }
    }

    public Classes(List<String> names, String rule) {
        this(names, rule, null);
    }

    /** Two classes: what a model is built on. More only while a file is read, before {@link OneVsRest} splits it. */
    public boolean isBinary() {
        return names.size() == 2;
    }

    /** The positive class's name (class 1): what a binary model's prediction is the probability of. */
    public String positive() {
        return names.get(1);
    }

    public String name(int index) {
        return names.get(index);
    }

    /**
     * "inactive,active by pKi >= 6.5": what goes into the dataset's content hash. A class against the rest adds its
     * file's classes and the file's identity, so a change to the other classes' labels (which decide its split)
     * changes this dataset's hash too.
     */
    public String describe() {
        return String.join(",", names) + " by " + rule
                + (family == null ? "" : " of " + String.join(",", family.classes()) + " in " + family.identity());
    }

    /** Compounds per class, in class order. */
    public int[] counts(List<Compound> compounds) {
        int[] counts = new int[names.size()];
        for (Compound c : compounds) {
            counts[(int) c.activity()]++;
        }
        return counts;
    }

    /** "12 active / 40 inactive": a part's class balance in words. */
    public String balance(int[] counts) {
        StringBuilder out = new StringBuilder();
        for (int k = names.size() - 1; k >= 0; k--) {
            out.append(out.length() == 0 ? "" : " / ").append(counts[k]).append(' ').append(names.get(k));
        }
        return out.toString();
    }
}
