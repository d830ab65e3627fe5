package io.qspace.data;

import java.io.Serializable;

/**
 * What a file source of one structure and one activity per compound is told: its files, the activity and id fields,
 * whether activities are in nanomolar, the smallest dataset kept and an optional activity threshold that makes it a
 * classification. Each method returns a copy with one setting changed, so the sources built on it stay immutable.
 */
record FileOptions(String pathOrGlob, String activity, String id, boolean nanomolar, int minCompounds,
                   ClassRule.AtLeast classes) implements Serializable {

    FileOptions(String pathOrGlob) {
        this(pathOrGlob, null, null, false, Datasets.DEFAULT_MIN_COMPOUNDS, null);
    }

    FileOptions activity(String field) {
        return new FileOptions(pathOrGlob, field, id, nanomolar, minCompounds, classes);
    }

    FileOptions id(String field) {
        return new FileOptions(pathOrGlob, activity, field, nanomolar, minCompounds, classes);
    }

    FileOptions fromNanomolar() {
        return new FileOptions(pathOrGlob, activity, id, true, minCompounds, classes);
    }

    FileOptions minCompounds(int minimum) {
        return new FileOptions(pathOrGlob, activity, id, nanomolar, minimum, classes);
    }

    FileOptions activeAtLeast(double threshold) {
        return new FileOptions(pathOrGlob, activity, id, nanomolar, minCompounds,
                new ClassRule.AtLeast(threshold));
    }
}
