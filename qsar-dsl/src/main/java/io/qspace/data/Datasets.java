package io.qspace.data;

/** Placeholder: replaced by its owner. */
public final class Datasets {
    private Datasets() {}

    public static Csv csv(String pathOrGlob) { throw new UnsupportedOperationException(); }

    public interface Csv extends DatasetSource {
        Csv smiles(String column);
        Csv activity(String column);
        Csv id(String column);
        Csv split(String column);
    }
}
