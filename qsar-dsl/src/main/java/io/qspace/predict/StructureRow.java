package io.qspace.predict;

/**
 * One structure read from a file: its position (1 = the first structure), the file's own id for it (the row number
 * when the file has none), its SMILES, and why it could not be read ("" when it could).
 */
public record StructureRow(long row, String id, String smiles, String error) implements java.io.Serializable {
    public boolean ok() {
        return error.isEmpty();
    }
}
