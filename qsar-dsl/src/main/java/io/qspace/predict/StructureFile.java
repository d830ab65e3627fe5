package io.qspace.predict;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A file of structures read one at a time, in bounded memory: CSV with a named SMILES column (and optionally an id
 * column), SDF (each record through CDK's MDL reader, its title or an SD property as the id) or a SMILES file
 * ("SMILES id" per line); gzip-compressed when its first bytes say so (or its name ends in .gz). Text must be UTF-8.
 * A structure that cannot be read becomes a row with its error; a file that cannot be read on throws
 * {@link StructureFileException} naming the file and the row where it stopped.
 */
public abstract class StructureFile implements Closeable {
    protected final Path file;
    protected final BufferedReader reader;
    protected long rows;
    private String stoppedBy = "";

    protected StructureFile(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /**
     * Opens a file by its name's suffix (before any .gz): .csv (and .tsv) need the SMILES column's name, .sdf/.sd
     * and .smi/.smiles/.txt do not.
     *
     * @param smilesColumn the CSV column holding SMILES (null: "smiles", any case)
     * @param idColumn     the CSV column or SD property naming each structure (null: a CSV's "id" column if there is
     *                     one, an SD record's title; else the row number)
     */
    public static StructureFile open(Path file, String smilesColumn, String idColumn) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        BufferedReader reader = utf8(file);
        try {
            if (name.endsWith(".csv") || name.endsWith(".tsv")) {
                return new CsvStructures(file, reader, name.endsWith(".tsv") ? '\t' : ',', smilesColumn, idColumn);
            }
            if (name.endsWith(".sdf") || name.endsWith(".sd") || name.endsWith(".mol")) {
                return new SdfStructures(file, reader, idColumn);
            }
            if (name.endsWith(".smi") || name.endsWith(".smiles") || name.endsWith(".txt")) {
                return new SmiStructures(file, reader);
            }
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
        closeQuietly(reader);
        throw new StructureFileException(file + ": cannot tell the format from its name; name it .csv, .tsv, .sdf,"
                + " .smi (optionally .gz)", 0, null);
    }

    /** The next structure, or null at the end of the file. */
    public final StructureRow next() {
        try {
            StructureRow row = read();
            if (row != null) {
                rows++;
            }
            return row;
        } catch (StructureFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw stopped(e);
        }
    }

    /**
     * Up to {@code max} structures, fewer at the end of the file, none after it. A file that cannot be read on after
     * its first row stops here: the rows read before are returned and {@link #stoppedBy()} says why (a file that
     * fails before any row throws, as there is nothing to predict).
     */
    public final List<StructureRow> next(int max) {
        List<StructureRow> out = new ArrayList<>(Math.min(max, 4096));
        if (!stoppedBy.isEmpty()) {
            return out;
        }
        try {
            StructureRow row;
            while (out.size() < max && (row = next()) != null) {
                out.add(row);
            }
        } catch (StructureFileException e) {
            if (rows == 0) {
                throw e;
            }
            stoppedBy = e.getMessage();
        }
        return out;
    }

    /** Why reading stopped before the end of the file ("" while it has not, or when it reached the end). */
    public String stoppedBy() {
        return stoppedBy;
    }

    /** Rows read so far. */
    public long rows() {
        return rows;
    }

    public Path file() {
        return file;
    }

    protected abstract StructureRow read() throws IOException;

    /** What went wrong reading the file, with the row it stopped after and what to do. */
    private StructureFileException stopped(Exception e) {
        Throwable cause = e;
        while ((cause instanceof java.io.UncheckedIOException || cause instanceof IllegalStateException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String where = file + ": stopped after " + rows + " row(s): ";
        if (cause instanceof CharacterCodingException) {
            return new StructureFileException(where + "the text is not UTF-8 (" + cause + "); convert it, e.g."
                    + " iconv -f latin1 -t utf-8 FILE > FILE.utf8, and predict again", rows, e);
        }
        if (cause instanceof EOFException || cause instanceof ZipException) {
            return new StructureFileException(where + "the gzip data is truncated or corrupt (" + cause.getMessage()
                    + "); the rows before it were predicted: copy the file again whole", rows, e);
        }
        return new StructureFileException(where + cause, rows, e);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The file as UTF-8 text that fails on a byte that is not UTF-8; gunzipped when its magic bytes say gzip. */
    static BufferedReader utf8(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                in.mark(4);
                b0 = in.read();
                b1 = in.read();
                in.reset();
            } else if (file.getFileName().toString().endsWith(".gz")) {
                in.close();
                throw new StructureFileException(file + " is named .gz but is not gzip data (it starts with bytes "
                        + b0 + ", " + b1 + "): rename it or compress it with gzip", 0, null);
            }
            if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) {
                in.close();
                throw new StructureFileException(file + " is UTF-16 text: save it as UTF-8 (e.g. iconv -f utf-16 -t"
                        + " utf-8) and predict again", 0, null);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (EOFException e) {
            throw new StructureFileException(file + ": the gzip data is truncated before its first row: copy the"
                    + " file again whole", 0, e);
        } catch (IOException e) {
            throw new StructureFileException("cannot read " + file + ": " + e, 0, e);
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to add to the error being reported
        }
    }
}
