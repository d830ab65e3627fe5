package io.qspace.select;

import java.util.Map;

/**
 * Tells physico-chemical descriptors from fingerprint bits. A column belongs to the descriptors unless it sits in
 * a named block other than "descriptors": an unlabelled column is more likely a hand-added descriptor than a bit.
 */
final class ColumnBlocks {
    static final String DESCRIPTORS = "descriptors";

    private ColumnBlocks() {}

    static boolean isDescriptor(int column, SelectionContext context) {
        return fingerprintBlockOf(column, context) == null;
    }

    /** The name of the non-descriptor block holding the column, or null. */
    static String fingerprintBlockOf(int column, SelectionContext context) {
        if (context.blocks() == null) return null;
        if (context.inBlock(column, DESCRIPTORS)) return null;
        for (Map.Entry<String, int[]> block : context.blocks().entrySet()) {
            int[] range = block.getValue();
            if (!block.getKey().equals(DESCRIPTORS) && column >= range[0] && column < range[1]) return block.getKey();
        }
        return null;
    }
}
