package io.qspace.predict;

/**
 * A file of structures that cannot be read on (no such column, empty, not UTF-8, a truncated gzip): the message names
 * the file, where reading stopped and what to do. Rows read before it are kept.
 */
public final class StructureFileException extends RuntimeException {
    private final long rowsRead;

    public StructureFileException(String message, long rowsRead, Throwable cause) {
        super(message, cause);
        this.rowsRead = rowsRead;
    }

    /** Structures read before the problem. */
    public long rowsRead() {
        return rowsRead;
    }
}
