package io.qspace.data;

import java.io.Serializable;

/**
 * One input row that passed the field checks but not yet curation: the structure as written in the file.
 *
 * @param row      1-based row or record number in the file
 * @param id       identifier from the file, or null
 * @param smiles   SMILES as written
 * @param activity activity on a log scale (already converted from nM when asked)
 * @param split    "train", "test" or null
 */
record RawRow(int row, String id, String smiles, double activity, String split) implements Serializable {}
