package io.qspace.plan;

import io.qspace.store.StoreKeys;
import java.io.Serializable;
import java.util.List;

/**
 * What the prepare step of one dataset produced: the names of its (non-empty) feature sets and a summary for the
 * record. The matrices themselves are stored per feature set ({@link FeatureMatrix}), and for supervised feature sets
 * under selection inside the folds, their fold selections ({@link FoldFeatures}).
 *
 * @param seconds              the whole prepare step
 * @param foldSelected         the feature sets with fold selections (empty with selection before CV)
 * @param foldSelectionSeconds the part of {@code seconds} spent selecting inside the folds, reported on its own so
 *                             the price of honest CV can be shown
 * @param classBalance         for a classification, the classes in each part ("train 30 active / 60 inactive; test
 *                             8 active / 15 inactive"); "" for a regression
 */
public record Prepared(String dataset, int trainSize, int testSize, int descriptorColumns, int keptColumns,
                       int failedValues, List<String> featureSets, List<Integer> featureSetSizes,
                       double seconds, List<String> foldSelected, double foldSelectionSeconds, String classBalance)
        implements Serializable {
    public Prepared {
        featureSets = List.copyOf(featureSets);
        featureSetSizes = List.copyOf(featureSetSizes);
        foldSelected = List.copyOf(foldSelected);
        classBalance = classBalance == null ? "" : classBalance;
    }

    /** The summary a prepare invocation stored. */
    public static Prepared load(io.qspace.store.ObjectStore store, String prepareId) {
        return io.qspace.store.Serialization.read(store, StoreKeys.prepared(prepareId), Prepared.class);
    }
}
