package io.qspace.data;

import java.io.Serializable;
import java.util.List;

/**
 * Where datasets come from: one file, a glob of files, or a matrix holding many targets.
 * Loading never throws for bad rows: they become {@link LoadIssue}s on the dataset, and a file that cannot be read
 * at all becomes a {@link SkippedDataset}.
 */
public interface DatasetSource extends Serializable {
    /** Reads and curates every dataset this source names. */
    Loaded load();

    /** What a source yielded: usable datasets, and whole datasets that had to be skipped, with why. */
    record Loaded(List<Dataset> datasets, List<SkippedDataset> skipped) {
        public Loaded {
            datasets = List.copyOf(datasets);
            skipped = List.copyOf(skipped);
        }
    }

    /** A dataset left out as a whole: unreadable, empty or too small after curation. */
    record SkippedDataset(String name, String source, String reason, List<LoadIssue> issues) implements Serializable {
        public SkippedDataset {
            issues = List.copyOf(issues);
        }
    }
}
