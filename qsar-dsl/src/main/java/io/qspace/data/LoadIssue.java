package io.qspace.data;

import java.io.Serializable;

/**
 * Something in the input that could not be used, named precisely enough to fix it:
 * the file, the 1-based row (0 for the whole file) and the field.
 */
public record LoadIssue(String file, int row, String field, String message) implements Serializable {
    @Override
    public String toString() {
        return row > 0
                ? file + ", row " + row + ", field '" + field + "': " + message
                : file + (field == null || field.isEmpty() ? "" : ", field '" + field + "'") + ": " + message;
    }
}
