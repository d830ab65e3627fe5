package io.qspace.predict;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV (or TSV) file with a header: SMILES from a named column, the id from another or the row number. */
final class CsvStructures extends StructureFile {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int smiles;
    private final int id;

    CsvStructures(Path file, BufferedReader reader, char delimiter, String smilesColumn, String idColumn) {
        super(file, reader);
        try {
            parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).build());
        } catch (IOException | RuntimeException e) {
            throw new StructureFileException(file + ": cannot read its header line: " + e.getMessage()
                    + " (is it UTF-8 CSV?)", 0, e);
        }
        List<String> columns = parser.getHeaderNames();
        if (columns.isEmpty()) {
            throw new StructureFileException(file + " is empty: expected a header line naming a SMILES column, then"
                    + " one structure per line", 0, null);
        }
        smiles = column(columns, smilesColumn == null ? "smiles" : smilesColumn, smilesColumn == null, true);
        id = idColumn == null ? column(columns, "id", true, false) : column(columns, idColumn, false, true);
        records = parser.iterator();
    }

    private int column(List<String> columns, String name, boolean anyCase, boolean required) {
        for (int i = 0; i < columns.size(); i++) {
            if (anyCase ? columns.get(i).strip().equalsIgnoreCase(name) : columns.get(i).equals(name)) {
                return i;
            }
        }
        if (!required) {
            return -1;
        }
        throw new StructureFileException(file + " has no column '" + name + "'; its columns are " + columns
                + ": name the SMILES column with --smiles-column (and the id column with --id-column)", 0, null);
    }

    @Override
    protected StructureRow read() throws IOException {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord r = records.next();
        long row = rows + 1;
        if (smiles >= r.size()) {
            return new StructureRow(row, id >= 0 && id < r.size() ? r.get(id) : Long.toString(row), "",
                    "row " + row + " has " + r.size() + " field(s), none in the SMILES column");
        }
        String text = r.get(smiles).strip();
        String name = id >= 0 && id < r.size() && !r.get(id).isBlank() ? r.get(id).strip() : Long.toString(row);
        return new StructureRow(row, name, text, text.isEmpty() ? "empty SMILES" : "");
    }

    @Override
    public void close() throws IOException {
        parser.close();
        super.close();
    }
}
