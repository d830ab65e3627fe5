package io.qspace.data;

/**
 * Where datasets come from. Each factory returns an immutable, serialisable {@link DatasetSource} configured fluently:
 * <pre>{@code
 * Datasets.csv("data/*.csv").activity("y [pEC50/pKi]").split("split").load();
 * Datasets.sdf("bzr.sdf").activity("ACTIVITY").load();
 * }</pre>
 * A glob yields one dataset per file, named by the file stem and sorted by name. Every structure goes through
 * {@link Curation}; datasets with fewer than {@link #DEFAULT_MIN_COMPOUNDS} compounds afterwards are skipped.
 */
public final class Datasets {
    private Datasets() {}

    /** The curation minimum of the study this project reproduces. */
    public static final int DEFAULT_MIN_COMPOUNDS = 23;

    /** Comma- or tab-separated files with a header row. */
    public static CsvSource csv(String pathOrGlob) {
        return new CsvSource(pathOrGlob);
    }

    /** SD files; name the activity property with {@code .activity(...)}. */
    public static SdfSource sdf(String pathOrGlob) {
        return new SdfSource(pathOrGlob);
    }

    /**
     * One dataset per target of a compound x target matrix in KIBA's layout (DeepDTA's files: ligands_can.txt,
     * proteins.txt, kiba_binding_affinity_v2.txt in one folder): the 229 kinases of KIBA at once.
     */
    public static KibaSource kiba(String folder) {
        return new KibaSource(folder);
    }

    /** SMILES files: "SMILES name activity" lines, or whitespace-separated columns under a header. */
    public static SmilesSource smiles(String pathOrGlob) {
        return new SmilesSource(pathOrGlob);
    }
}
