package io.qspace.data;

import java.io.Serializable;

/**
 * One measured structure: a curated SMILES and its activity on a log scale (e.g. pKi).
 *
 * @param id          the identifier from the input, or a row-derived one when the input has none
 * @param smiles      curated, canonical SMILES
 * @param activity    activity on a log scale; higher is more active
 * @param givenSplit  "train", "test" or null when the input names no split
 * @param sourceRow   1-based row (or record) number in the source file, for error messages
 */
public record Compound(String id, String smiles, double activity, String givenSplit, int sourceRow)
        implements Serializable {}
