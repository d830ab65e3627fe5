package io.qspace.data;

import java.io.Serializable;
import java.util.List;

/**
 * A curated set of compounds with measured activity for one target, ready to model.
 * Issues collects every row that was dropped or merged while reading and curating, so results can say what was skipped.
 *
 * @param name     dataset name (file stem by default, e.g. CHEMBL204_Ki)
 * @param source   where it came from (file path or description)
 * @param compounds curated compounds, in a stable order
 * @param issues   rows skipped, merged or flagged, with reasons
 * @param classes  for a classification, the classes (each compound's activity is its class index); null for a
 *                 regression
 */
public record Dataset(String name, String source, List<Compound> compounds, List<LoadIssue> issues, Classes classes)
        implements Serializable {
    public Dataset {
        compounds = List.copyOf(compounds);
        issues = List.copyOf(issues);
    }

    /** A regression dataset. */
    public Dataset(String name, String source, List<Compound> compounds, List<LoadIssue> issues) {
        this(name, source, compounds, issues, null);
    }

    public boolean isClassification() {
        return classes != null;
    }

    /**
     * What a stratified split sorts compound i by: its activity, or for a dataset of one class against the rest its
     * class in the file, so every class's dataset of one file gets the same test part.
     */
    public double stratum(int i) {
        return classes != null && classes.family() != null ? classes.family().code(i) : compounds.get(i).activity();
    }

    public int size() {
        return compounds.size();
    }

    public boolean hasGivenSplit() {
        return !compounds.isEmpty() && compounds.stream().allMatch(c -> c.givenSplit() != null);
    }
}
