package io.qspace.select;

import java.util.List;
import java.util.Map;

/** What a selector may know about the descriptor matrix beyond the numbers: column names and named blocks. */
public record SelectionContext(List<String> names, Map<String, int[]> blocks) {
    public boolean inBlock(int column, String block) {
        int[] range = blocks.get(block);
        return range != null && column >= range[0] && column < range[1];
    }
}
