package io.qspace.data;

/** Thrown while reading when a whole file cannot be used (missing column, empty, unreadable); becomes a SkippedDataset. */
final class SkipFile extends Exception {
    SkipFile(String reason) {
        super(reason);
    }
}
