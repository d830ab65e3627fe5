package io.qspace.predict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * An SD file, one record at a time: CDK's iterating SD reader over the record's text (records end at "$$$$"), so a
 * record CDK cannot read becomes a row with the reason instead of being skipped unseen. The id is the SD property
 * named, else the record's title, else the record number.
 */
final class SdfStructures extends StructureFile {
    private final String idProperty;
    private final SmilesGenerator smiles = new SmilesGenerator(SmiFlavor.Isomeric);

    SdfStructures(Path file, BufferedReader reader, String idProperty) {
        super(file, reader);
        this.idProperty = idProperty;
    }

    @Override
    protected StructureRow read() throws IOException {
        StringBuilder record = new StringBuilder();
        String line;
        boolean any = false;
        while ((line = reader.readLine()) != null) {
            any |= !line.isBlank();
            record.append(line).append('\n');
            if (line.startsWith("$$$$")) {
                break;
            }
        }
        if (!any) {
            if (rows == 0) {
                throw new StructureFileException(file + " is empty: expected SD records ending in $$$$", 0, null);
            }
            return null;
        }
        long row = rows + 1;
        String title = record.substring(0, Math.max(0, record.indexOf("\n"))).strip();
        try (IteratingSDFReader sdf = new IteratingSDFReader(new StringReader(record.toString()),
                SilentChemObjectBuilder.getInstance())) {
            sdf.setSkip(false);
            if (!sdf.hasNext()) {
                return new StructureRow(row, title.isEmpty() ? Long.toString(row) : title, "",
                        "SD record " + row + " cannot be read as a molfile");
            }
            IAtomContainer molecule = sdf.next();
            Object id = idProperty != null ? molecule.getProperty(idProperty) : null;
            String name = id != null && !id.toString().isBlank() ? id.toString().strip()
                    : title.isEmpty() ? Long.toString(row) : title;
            if (molecule.getAtomCount() == 0) {
                return new StructureRow(row, name, "", "SD record " + row + " has no atoms");
            }
            return new StructureRow(row, name, smiles.create(molecule), "");
        } catch (Exception e) {
            return new StructureRow(row, title.isEmpty() ? Long.toString(row) : title, "",
                    "SD record " + row + ": " + e.getMessage());
        }
    }
}
