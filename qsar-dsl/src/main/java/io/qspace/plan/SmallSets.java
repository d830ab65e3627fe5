package io.qspace.plan;

import io.qspace.data.Dataset;
import io.qspace.model.Builders;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's advice for small regression sets run on the descriptor space ({@code Study.descriptorSpace()}, or its
 * builders by default because the study named some other part): on MoleculeACE's 30 sets cut to 80 training compounds
 * (bench/HONEST_SELECTION.md), the mean of the fingerprint space's 12 models had a lower test RMSE than the
 * descriptor space's chosen model on most sets (median ratio 0.91 on one seeded sample, 0.955 on a second) at about a
 * quarter of its CPU, and the mean of its Gaussian processes, the default of a regression that names no space
 * since session 17 (on six fingerprint views since session 19), lower again on most. The plan says so, naming the
 * datasets it concerns.
 */
public final class SmallSets {
    /** Datasets of at most this many compounds get the advice (the measured protocol trained on 80). */
    public static final int UP_TO = 200;

    private SmallSets() {}

    /** The plan's line of advice, or "" when no dataset is a small regression on the descriptor space. */
    public static String describe(Plan plan) {
        List<String> small = new ArrayList<>();
        for (Invocation root : plan.roots()) {
            if (!(root.task() instanceof PrepareTask prepare) || !prepare.consensusSizes().isEmpty()
                    || !prepare.builders().equals(Builders.defaults())) {
                continue;
            }
            for (Dataset d : plan.datasets()) {
                if (d.name().equals(prepare.datasetName()) && !d.isClassification() && d.size() <= UP_TO) {
                    small.add(d.name() + " (" + d.size() + ")");
                }
            }
        }
        if (small.isEmpty()) {
            return "";
        }
        return "  small sets: " + String.join(", ", small) + " compounds. On sets this small,"
                + " the default (leave descriptors, selectors and builders unnamed, or"
                + " .fingerprintGaussianProcesses().consensusOfAll()) predicted better than the descriptor space in"
                + " qspace's benchmark (test RMSE 0.91-0.96 of the descriptor space's choice, median over MoleculeACE's sets"
                + " cut to 80 training compounds; bench/HONEST_SELECTION.md)";
    }
}
