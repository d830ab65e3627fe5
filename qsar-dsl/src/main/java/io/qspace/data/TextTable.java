package io.qspace.data;

import java.util.List;

/**
 * A file read as text cells: the header and the data rows, each with its 1-based row number in the file
 * (the header being row 1), so messages point to the row a chemist sees in an editor or spreadsheet.
 */
record TextTable(List<String> header, List<Line> lines) {
    TextTable {
        header = List.copyOf(header);
        lines = List.copyOf(lines);
    }

    record Line(int row, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column).trim() : "";
        }
    }

    /** Column index by exact name, then case-insensitively; -1 when absent. */
    int column(String name) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }
}
