package io.qspace.predict;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/** A SMILES file: one structure per line, "SMILES" or "SMILES id" (whitespace between); blank and # lines skipped. */
final class SmiStructures extends StructureFile {
    SmiStructures(Path file, BufferedReader reader) {
        super(file, reader);
    }

    @Override
    protected StructureRow read() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                if (rows == 0) {
                    throw new StructureFileException(file + " is empty: expected one SMILES per line (optionally"
                            + " followed by an id)", 0, null);
                }
                return null;
            }
        } while (line.isBlank() || line.startsWith("#"));
        String[] parts = line.strip().split("\\s+", 2);
        long row = rows + 1;
        return new StructureRow(row, parts.length > 1 ? parts[1].strip() : Long.toString(row), parts[0], "");
    }
}
