package io.qspace.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.StudyStoreContract;
import io.qspace.chem.Descriptors;
import io.qspace.cli.Main;
import io.qspace.results.ModelLibrary;
import io.qspace.results.Prediction;
import io.qspace.results.StoredModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.SDFWriter;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** Files of structures through stored models: formats, gzip, several models in one pass, order, bad files. */
class LibraryPredictionTest {
    @TempDir
    static Path dir;
    static String store;
    static StoredModel descriptors;
    static StoredModel fingerprints;
    static List<String> bzr;

    @BeforeAll
    static void twoModelsOnTwoDescriptorSets() throws IOException {
        store = dir.resolve("store").toString();
        descriptors = SampleData.quickStudy("cdk", Path.of(store)).run().best("sutherland_BZR");
        fingerprints = SampleData.quickStudy("fp", Path.of(store)).descriptors(Descriptors.ecfp4())
                .selectors(io.qspace.select.Selectors.fingerprints()).run()
                .best("sutherland_BZR");
        assertFalse(descriptors.descriptors().describe().equals(fingerprints.descriptors().describe()),
                descriptors.descriptors().describe());
        bzr = Files.readAllLines(StudyStoreContract.samples().resolve("sutherland_BZR.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).limit(40).toList();
    }

    @Test
    void aCsvGoesThroughTwoModelsInOnePassInFileOrderWithTheStoredModelsNumbersAndBadRowsAsErrors() throws IOException {
        Path in = dir.resolve("library.csv");
        List<String> lines = new ArrayList<>(List.of("name,SMILES,note"));
        for (int i = 0; i < bzr.size(); i++) {
            lines.add("cpd-" + i + "," + bzr.get(i) + ",x");
            if (i == 5) {
                lines.add("broken,C1CC(,x");
                lines.add("blank,,x");
            }
        }
        Files.write(in, lines);
        Path out1 = dir.resolve("one-thread.csv");
        Path out3 = dir.resolve("three-threads.csv");
        LibraryPrediction.Summary s = LibraryPrediction.with(descriptors, fingerprints).smilesColumn("SMILES")
                .idColumn("name").threads(1).batch(7).run(in, out1);
        LibraryPrediction.with(descriptors, fingerprints).smilesColumn("SMILES").idColumn("name").threads(3).batch(5)
                .run(in, out3);
        assertEquals(Files.readString(out1), Files.readString(out3), "same output on 1 thread and 3, any batch");
        assertEquals(bzr.size() + 2, s.rows());
        assertEquals(2 * s.rows(), s.lines());
        assertEquals(2, s.failedRows());
        assertTrue(s.complete(), s.fileError());

        List<CSVRecord> rows = read(out1);
        assertEquals(2 * (bzr.size() + 2), rows.size());
        List<Prediction> byDescriptors = descriptors.predict(bzr);
        List<Prediction> byFingerprints = fingerprints.predict(bzr);
        int compound = 0;
        for (int r = 0; r < rows.size(); r += 2) {
            CSVRecord a = rows.get(r);
            CSVRecord b = rows.get(r + 1);
            assertEquals(a.get("id"), b.get("id"));
            assertEquals(descriptors.provenance().model(), a.get("model"));
            assertEquals(fingerprints.provenance().model(), b.get("model"));
            if (a.get("id").equals("broken") || a.get("id").equals("blank")) {
                assertTrue(!a.get("error").isEmpty() && a.get("predicted").isEmpty(), a.toString());
                continue;
            }
            assertEquals("cpd-" + compound, a.get("id"));
            assertEquals(Long.toString(r / 2 + 1), a.get("row"));
            assertEquals(byDescriptors.get(compound).value(), Double.parseDouble(a.get("predicted")), 0.0);
            assertEquals(byDescriptors.get(compound).interval(0.9).lower(), Double.parseDouble(a.get("lower_90")), 0.0);
            assertEquals(byFingerprints.get(compound).value(), Double.parseDouble(b.get("predicted")), 0.0);
            assertEquals(byFingerprints.get(compound).interval(0.8).upper(), Double.parseDouble(b.get("upper_80")), 0.0);
            assertEquals(Boolean.toString(byFingerprints.get(compound).inDomain()), b.get("in_domain"));
            compound++;
        }
        assertEquals(bzr.size(), compound);
    }

    @Test
    void sdfAndGzippedSmilesFilesReadWithTheirOwnIds() throws Exception {
        Path sdf = dir.resolve("library.sdf");
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        try (SDFWriter writer = new SDFWriter(Files.newBufferedWriter(sdf))) {
            for (int i = 0; i < 10; i++) {
                IAtomContainer m = parser.parseSmiles(bzr.get(i));
                m.setTitle("mol" + i);
                writer.write(m);
            }
        }
        Files.writeString(sdf, Files.readString(sdf) + "garbage title\nnot a molfile\n\n  x  y\nM  END\n$$$$\n");
        Path out = dir.resolve("sdf.csv");
        LibraryPrediction.Summary s = LibraryPrediction.with(fingerprints).run(sdf, out);
        assertEquals(11, s.rows());
        assertEquals(1, s.failedRows());
        List<CSVRecord> rows = read(out);
        List<Prediction> expected = fingerprints.predict(bzr.subList(0, 10));
        for (int i = 0; i < 10; i++) {
            assertEquals("mol" + i, rows.get(i).get("id"));
            assertEquals(expected.get(i).value(), Double.parseDouble(rows.get(i).get("predicted")), 1e-9);
        }
        assertTrue(rows.get(10).get("error").contains("SD record 11"), rows.get(10).toString());

        // a .smi.gz by its suffix, and the same bytes named .smi read by their magic bytes
        StringBuilder smi = new StringBuilder("# a comment\n");
        for (int i = 0; i < 10; i++) {
            smi.append(bzr.get(i)).append(" mol").append(i).append('\n');
        }
        Path gz = dir.resolve("library.smi.gz");
        Files.write(gz, gzip(smi.toString().getBytes(StandardCharsets.UTF_8)));
        Path disguised = dir.resolve("disguised.smi");
        Files.copy(gz, disguised);
        Path fromGz = dir.resolve("gz.csv");
        Path fromMagic = dir.resolve("magic.csv");
        LibraryPrediction.with(fingerprints).run(gz, fromGz);
        LibraryPrediction.with(fingerprints).run(disguised, fromMagic);
        assertEquals(Files.readString(fromGz), Files.readString(fromMagic));
        List<CSVRecord> smiRows = read(fromGz);
        assertEquals(10, smiRows.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(rows.get(i).get("id"), smiRows.get(i).get("id"));
            assertEquals(expected.get(i).value(), Double.parseDouble(smiRows.get(i).get("predicted")), 1e-9);
        }
    }

    @Test
    void anUnknownColumnNamesTheFileAndTheColumnsItHas() throws IOException {
        Path in = dir.resolve("columns.csv");
        Files.writeString(in, "structure,name\nCCO,ethanol\n");
        StructureFileException e = assertThrows(StructureFileException.class,
                () -> LibraryPrediction.with(descriptors).run(in, dir.resolve("never.csv")));
        assertTrue(e.getMessage().contains(in.toString()) && e.getMessage().contains("[structure, name]")
                && e.getMessage().contains("--smiles-column"), e.getMessage());
        Output cli = cli("--store", store, "--model", descriptors.provenance().model(), "--in", in.toString(),
                "--out", dir.resolve("never.csv").toString());
        assertEquals(1, cli.code);
        assertTrue(cli.err.contains("no column 'smiles'") && cli.err.contains("[structure, name]"), cli.err);
    }

    @Test
    void emptyFilesOfEveryFormatSaySo() throws IOException {
        for (String name : List.of("empty.csv", "empty.smi", "empty.sdf")) {
            Path in = dir.resolve(name);
            Files.write(in, new byte[0]);
            StructureFileException e = assertThrows(StructureFileException.class,
                    () -> LibraryPrediction.with(descriptors).run(in, dir.resolve("empty-out.csv")));
            assertTrue(e.getMessage().contains(in.toString()) && e.getMessage().contains("is empty"), e.getMessage());
        }
    }

    @Test
    void textThatIsNotUtf8StopsWithTheRowsBeforeKeptAndSaysHowToConvert() throws IOException {
        Path in = dir.resolve("latin1.smi");
        StringBuilder text = new StringBuilder();
        int before = 3000; // more than the reader's buffer holds, so rows come out before the bad byte is met
        for (int i = 0; i < before; i++) {
            text.append("CCO ethanol").append(i).append('\n');
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "CCO \u00e9thanol\nCCC propane\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(in, all);
        Path out = dir.resolve("latin1.csv");
        LibraryPrediction.Summary s = LibraryPrediction.with(fingerprints).batch(256).run(in, out);
        assertFalse(s.complete());
        assertTrue(s.fileError().contains(in.toString()) && s.fileError().contains("not UTF-8")
                && s.fileError().contains("iconv"), s.fileError());
        assertTrue(s.rows() > 0 && s.rows() <= before, s.rows() + " rows");
        assertEquals(s.rows(), read(out).size());

        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "smiles\nCCO\n".getBytes(StandardCharsets.UTF_16));
        StructureFileException e = assertThrows(StructureFileException.class,
                () -> LibraryPrediction.with(fingerprints).run(utf16, dir.resolve("utf16-out.csv")));
        assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains(utf16.toString()), e.getMessage());
    }

    @Test
    void aTruncatedGzipKeepsTheRowsBeforeAndSaysWhere() throws IOException {
        StringBuilder csv = new StringBuilder("id,smiles\n");
        for (int i = 0; i < 4000; i++) {
            csv.append("r").append(i).append(',').append(bzr.get(i % bzr.size())).append('\n');
        }
        byte[] whole = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
        Path full = dir.resolve("whole.csv.gz");
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(full, whole);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path fullOut = dir.resolve("whole-out.csv");
        Path cutOut = dir.resolve("cut-out.csv");
        assertTrue(LibraryPrediction.with(fingerprints).batch(256).run(full, fullOut).complete());
        LibraryPrediction.Summary s = LibraryPrediction.with(fingerprints).batch(256).run(cut, cutOut);
        assertFalse(s.complete());
        assertTrue(s.fileError().contains(cut.toString()) && s.fileError().contains("truncated")
                && s.fileError().contains("stopped after " + s.rows() + " row(s)"), s.fileError());
        assertTrue(s.rows() > 0 && s.rows() < 4000, s.rows() + " rows");
        assertTrue(Files.readString(fullOut).startsWith(Files.readString(cutOut)),
                "the rows before the truncation are the whole file's first rows");

        Output cli = cli("--store", store, "--model", fingerprints.provenance().model(), "--in", cut.toString(),
                "--out", dir.resolve("cli-cut.csv").toString());
        assertEquals(1, cli.code);
        assertTrue(cli.err.contains("truncated") && cli.err.contains(String.format(java.util.Locale.ROOT, "%,d rows x 1 model(s)", s.rows())), cli.err);
    }

    @Test
    void theCommandLinePredictsAFileWithTheBestModelOfEveryDataset() throws IOException {
        Path in = dir.resolve("cli.smi");
        Files.writeString(in, String.join("\n", bzr.subList(0, 5)) + "\n");
        Path out = dir.resolve("cli-out.csv.gz");
        Output cli = cli("--store", store, "--best", "all", "--in", in.toString(), "--out", out.toString(),
                "--confidence", "0.9", "--threads", "2");
        assertEquals(0, cli.code, cli.err);
        String text = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(text.startsWith("row,id,smiles,dataset,model,predicted,lower_90,upper_90,ad_score,in_domain,error\n"),
                text);
        StoredModel best = ModelLibrary.open(store).best("sutherland_BZR");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        assertEquals(5, rows.size());
        assertEquals(best.predict(bzr.get(2)).value(), Double.parseDouble(rows.get(2).get("predicted")), 0.0);
        assertEquals("3", rows.get(2).get("id"), "a SMILES file without ids numbers its rows");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(csv)).getRecords();
    }

    record Output(int code, String out, String err) {}

    private static Output cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.predict(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileRunAsInvocationsOnFourSlotsWritesTheLocalRunsFileByteForByteAndASecondRunReusesIt() throws Exception {
        Path in = dir.resolve("job.csv");
        List<String> lines = new ArrayList<>(List.of("name,SMILES"));
        for (int i = 0; i < bzr.size(); i++) {
            lines.add("c" + i + "," + bzr.get(i));
            if (i == 11) {
                lines.add("broken,C1CC(");
            }
        }
        Files.write(in, lines);
        Path local = dir.resolve("job-local.csv");
        LibraryPrediction.with(descriptors, fingerprints).smilesColumn("SMILES").idColumn("name").run(in, local);

        List<String> keys = List.of(descriptors.provenance().model(), fingerprints.provenance().model());
        PredictionJob job = PredictionJob.of(in, store, keys).columns("SMILES", "name").rowsPerInvocation(7);
        assertEquals(6, job.plan().roots().size(), "41 structures in slices of 7");
        io.qspace.results.Results first;
        try (io.qspace.run.EmbeddedRunner runner = new io.qspace.run.EmbeddedRunner(4)) {
            first = runner.submit(job.plan(), io.qspace.run.ProgressListener.none()).await();
        }
        assertEquals(0, first.failed(), first.failures().print());
        assertEquals(6, first.executed());
        Path sliced = dir.resolve("job-sliced.csv");
        PredictionJob.Written written = job.writeTo(sliced);
        assertEquals(41, written.rows());
        assertEquals(Files.readString(local), Files.readString(sliced), "the same file as the local run");
        assertTrue(Files.readString(sliced).contains("broken"), "the bad structure is a row with its error");

        PredictionJob again = PredictionJob.of(in, store, keys).columns("SMILES", "name").rowsPerInvocation(7);
        try (io.qspace.run.EmbeddedRunner runner = new io.qspace.run.EmbeddedRunner(1)) {
            io.qspace.results.Results second = runner.submit(again.plan(), io.qspace.run.ProgressListener.none())
                    .await();
            assertEquals(0, second.executed());
            assertEquals(6, second.reused());
        }
    }
}
