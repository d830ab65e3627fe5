package io.qspace.data;

import java.io.Serializable;

/**
 * One input row that passed the field checks but not yet curation: the structure as written in the file.
 *
 * @param row      1-based row or record number in the file
 * @param id       identifier from the file, or null
 * @param smiles   SMILES as written
 * @param activity activity on a log scale (already converted from nM when asked), or the class index once a
 *                 {@link ClassRule} has labelled the row
 * @param split    "train", "test" or null
 * @param label    the label cell as written, for a label column read by a {@link ClassRule.Label}; null otherwise
 */
record RawRow(int row, String id, String smiles, double activity, String split, String label) implements Serializable {
    RawRow(int row, String id, String smiles, double activity, String split) {
        this(row, id, smiles, activity, split, null);
    }

    /** The same row with a label cell instead of an activity. */
    static RawRow labelled(int row, String id, String smiles, String label, String split) {
        return new RawRow(row, id, smiles, Double.NaN, split, label);
    }

    RawRow withActivity(double value) {
        return new RawRow(row, id, smiles, value, split, label);
    }
}
