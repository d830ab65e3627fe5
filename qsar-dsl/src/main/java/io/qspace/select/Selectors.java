package io.qspace.select;

import java.util.Arrays;
import java.util.List;

/**
 * The selectors of qspace. Each yields one feature set (a multi-size topCorrelated stands for several: expand it
 * with {@link Selector#each()}). Selectors see training rows of the candidate columns only, already filtered and
 * imputed. A selector that finds nothing, e.g. stepwise when no descriptor is significant or fingerprints when the
 * matrix has no such block, returns an empty feature set (no columns) rather than failing; callers skip empty sets.
 */
public final class Selectors {
    private Selectors() {}

    /**
     * A selector written in a notebook, script or plug-in: {@code Selectors.of("spread", (x, y, seed) -> ...)}
     * returns positions of the candidate columns to keep; the feature set is named {@code name}.
     */
    public static Selector of(String name, ColumnChooser chooser) {
        return new ChooserSelector(name, chooser);
    }

    /** "filtered": every descriptor that survived the filters. */
    public static Selector filtered() {
        return new FilteredDescriptors();
    }

    /** "top10-correlated" etc.: largest |Pearson r| with activity; several sizes give one selector per size. */
    public static Selector topCorrelated(int... k) {
        return new TopCorrelated(Arrays.stream(k).boxed().toList());
    }

    /** "stepwise": forward stepwise OLS, partial F-test p &lt; 0.05 to enter, at most 20 descriptors. */
    public static Selector stepwise() {
        return stepwise(ForwardStepwise.DEFAULT_MAX_FEATURES);
    }

    /** Forward stepwise OLS capped at {@code maxFeatures}; named "stepwise-maxN" unless N is the default 20. */
    public static Selector stepwise(int maxFeatures) {
        return new ForwardStepwise(maxFeatures);
    }

    /** "forestK": the K descriptors with the largest random-forest importance, 100 trees, seeded. */
    public static Selector forestImportance(int k) {
        return new ForestImportance(k);
    }

    /** Every filtered bit of the named fingerprint block; the feature set is named after the block. */
    public static Selector fingerprints(String block) {
        return new BlockColumns(block);
    }

    /** "ecfp4": the ECFP4 count fingerprint block. */
    public static Selector fingerprints() {
        return fingerprints("ecfp4");
    }

    /**
     * The descriptor space's selectors (SPEC-model-space.md): filtered, topCorrelated(10, 20, 40), stepwise, forest30, ecfp4.
     * Flattened with each() these give 7 feature sets.
     */
    public static List<Selector> defaults() {
        return List.of(filtered(), topCorrelated(10, 20, 40), stepwise(), forestImportance(30), fingerprints("ecfp4"));
    }
}
