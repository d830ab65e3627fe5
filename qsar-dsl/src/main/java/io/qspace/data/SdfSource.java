package io.qspace.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Datasets from SD files: the activity and optional id from SD properties, the structure from the connection table.
 * Row numbers in messages are 1-based record numbers. A record without a title or id property gets "record N" as id.
 */
public final class SdfSource implements DatasetSource {
    private static final long serialVersionUID = 1L;

    private final FileOptions options;

    SdfSource(String pathOrGlob) {
        this(new FileOptions(pathOrGlob));
    }

    private SdfSource(FileOptions options) {
        this.options = options;
    }

    /** The SD property holding the activity; required. */
    public SdfSource activity(String property) {
        return new SdfSource(options.activity(property));
    }

    /** The SD property holding the id; the record title otherwise. */
    public SdfSource id(String property) {
        return new SdfSource(options.id(property));
    }

    public SdfSource fromNanomolar() {
        return new SdfSource(options.fromNanomolar());
    }

    public SdfSource minCompounds(int minimum) {
        return new SdfSource(options.minCompounds(minimum));
    }

    /**
     * A classification: active (class 1) when the activity is at least the threshold, on the activity's scale
     * (after {@link #fromNanomolar()}); the threshold is part of the dataset's identity, as for a CSV source.
     */
    public SdfSource activeAtLeast(double threshold) {
        return new SdfSource(options.activeAtLeast(threshold));
    }

    @Override
    public Loaded load() {
        if (options.activity() == null) {
            throw new IllegalStateException("Datasets.sdf(\"" + options.pathOrGlob()
                    + "\") needs .activity(\"<SD property>\")");
        }
        return FileLoading.load(options.pathOrGlob(), "structure", options.activity(), options.minCompounds(),
                options.classes(), this::read);
    }

    private List<RawRow> read(Path file, List<LoadIssue> issues) throws SkipFile {
        String fileName = file.getFileName().toString();
        SmilesGenerator writer = new SmilesGenerator(SmiFlavor.Isomeric);
        List<RawRow> rows = new ArrayList<>();
        int record = 0;
        boolean sawActivity = false;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             IteratingSDFReader reader = new IteratingSDFReader(in, SilentChemObjectBuilder.getInstance())) {
            reader.setSkip(true);
            while (reader.hasNext()) {
                IAtomContainer molecule = reader.next();
                record++;
                Object value = molecule.getProperty(options.activity());
                sawActivity |= value != null;
                Double activityValue = Activities.parse(value == null ? null : value.toString(),
                        options.nanomolar(), fileName, record, options.activity(), issues);
                if (activityValue == null) {
                    continue;
                }
                String smiles;
                try {
                    smiles = writer.create(molecule);
                } catch (CDKException | RuntimeException e) {
                    issues.add(new LoadIssue(fileName, record, "structure", "cannot write SMILES: " + e.getMessage()
                            + "; record skipped"));
                    continue;
                }
                Object idValue = options.id() != null ? molecule.getProperty(options.id()) : molecule.getTitle();
                String idText = idValue == null || idValue.toString().isBlank() ? "record" + record
                        : idValue.toString().trim();
                rows.add(new RawRow(record, idText, smiles, activityValue, null));
            }
        } catch (IOException e) {
            throw new SkipFile("cannot read " + fileName + ": " + e.getMessage());
        }
        if (record == 0) {
            throw new SkipFile(fileName + " holds no SD records");
        }
        if (!sawActivity) {
            throw new SkipFile(fileName + " has no SD property '" + options.activity() + "' in any record");
        }
        return rows;
    }

    @Override
    public String toString() {
        return "sdf(" + options.pathOrGlob() + ")";
    }
}
