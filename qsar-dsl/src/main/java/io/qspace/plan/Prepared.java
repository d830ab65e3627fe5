package io.qspace.plan;

import java.io.Serializable;
import java.util.List;

/**
 * What the prepare step of one dataset produced: the names of its (non-empty) feature sets and a summary for the
 * record. The matrices themselves are stored per feature set ({@link FeatureMatrix}).
 */
public record Prepared(String dataset, int trainSize, int testSize, int descriptorColumns, int keptColumns,
                       int failedValues, List<String> featureSets, List<Integer> featureSetSizes,
                       double seconds) implements Serializable {
    public Prepared {
        featureSets = List.copyOf(featureSets);
        featureSetSizes = List.copyOf(featureSetSizes);
    }
}
