package io.qspace.data;

import java.io.Serializable;
import java.util.List;

/**
 * The classes of a classification dataset: their names in code order (class i is stored as activity i, so a binary
 * dataset holds 0 = inactive and 1 = active) and the rule that made them ("pKi >= 6.5" or "label hERG_class").
 * Both are part of the dataset's identity: a regression and a classification of one file never share stored results.
 */
public record Classes(List<String> names, String rule) implements Serializable {
    public Classes {
        names = List.copyOf(names);
        if (names.size() != 2) {
            throw new IllegalArgumentException(MultiClass.message(names));
        }
    }

    /** The positive class's name (class 1): what a binary model's prediction is the probability of. */
    public String positive() {
        return names.get(1);
    }

    public String name(int index) {
        return names.get(index);
    }

    /** "inactive,active by pKi >= 6.5": what goes into the dataset's content hash. */
    public String describe() {
        return String.join(",", names) + " by " + rule;
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

    /** What multi-class data gets for now: a clear refusal naming the classes found. */
    static final class MultiClass {
        private MultiClass() {}

        static String message(List<String> names) {
            return names.size() < 2
                    ? "a classification needs two classes, found " + names.size() + ": " + names
                    : "multi-class classification is not supported yet (binary only): found " + names.size()
                            + " classes: " + String.join(", ", names);
        }
    }
}
