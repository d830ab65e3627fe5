package io.qspace.plan;

import io.qspace.store.ContentHash;

/**
 * Seeds are derived from the study seed and an invocation's identity, never from time or thread order, so one member
 * or fifty give the same numbers.
 */
public final class InvocationSeeds {
    private InvocationSeeds() {}

    /** An invocation's seed: its identity already names the study seed. */
    public static long of(Task task) {
        return derive(0, task.identity());
    }

    public static long derive(long studySeed, String identity) {
        String hex = ContentHash.of(Long.toString(studySeed), identity).substring(0, 15);
        return Long.parseLong(hex, 16);
    }

    /**
     * The seed of a dataset's cross-validation folds: from the study seed, the data and the split only, so every
     * feature set and builder of a dataset is cross-validated on the same folds (and fold selections made in the
     * prepare step match the folds of every build).
     */
    public static long crossValidation(long studySeed, String datasetHash, String split) {
        return derive(studySeed, "cv-folds|" + datasetHash + "|" + split);
    }
}
