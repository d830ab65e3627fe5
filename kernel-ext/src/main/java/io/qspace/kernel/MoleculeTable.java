package io.qspace.kernel;

import tech.tablesaw.api.Table;

import java.util.Objects;

/**
 * A Tablesaw table whose SMILES column is shown as structure depictions:
 * {@code MoleculeTable.of(table, "smiles")} as the last line of a cell. The table itself is unchanged.
 */
public record MoleculeTable(Table table, String smilesColumn) {

    public MoleculeTable {
        Objects.requireNonNull(table, "table");
        if (!table.containsColumn(smilesColumn)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + smilesColumn
                    + "'; its columns are " + table.columnNames());
        }
    }

    public static MoleculeTable of(Table table, String smilesColumn) {
        return new MoleculeTable(table, smilesColumn);
    }

    @Override
    public String toString() {
        return table.print();
    }
}
