package io.qspace.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compound x target matrix read as one dataset per target: a small matrix written here, and KIBA when present. */
class KibaTest {
    static final Path KIBA = Path.of("/work/shared/datasets/kiba");

    private static void write(Path dir, String compounds, String targets, String matrix) throws IOException {
        Files.writeString(dir.resolve(KibaSource.COMPOUNDS), compounds);
        Files.writeString(dir.resolve(KibaSource.TARGETS), targets);
        Files.writeString(dir.resolve(KibaSource.MATRIX), matrix);
    }

    @Test
    void oneDatasetPerTargetWithBadCellsNamed(@TempDir Path dir) throws IOException {
        write(dir, "{\"c1\": \"CCO\", \"c2\": \"C1CC(\", \"c3\": \"c1ccccc1O\", \"c4\": \"OCC.Cl\"}",
                "{\"K1\": \"MSEQ\", \"K2\": \"MKKL\"}",
                "11.1\tnan\t\n12.5\t10.0\nnan\tx\n13.1\t12.0\n"); // KIBA ends lines in a tab
        DatasetSource.Loaded loaded = Datasets.kiba(dir.toString()).minCompounds(1).load();
        Map<String, Dataset> byName = loaded.datasets().stream()
                .collect(Collectors.toMap(Dataset::name, d -> d));
        assertEquals(List.of("K1", "K2"), loaded.datasets().stream().map(Dataset::name).toList());

        Dataset k1 = byName.get("K1");
        // c1 and c4 are ethanol (c4 with a counter-ion): one compound, mean score; c2 is unreadable
        assertEquals(1, k1.size(), k1.compounds() + " " + k1.issues());
        assertEquals(12.1, k1.compounds().get(0).activity(), 1e-9);
        assertTrue(k1.issues().stream().anyMatch(i -> i.file().equals("ligands_can.txt") && i.row() == 2
                && i.field().equals("smiles")), k1.issues().toString());

        Dataset k2 = byName.get("K2");
        assertEquals(1, k2.size(), "c2 unreadable, c3's cell is not a number, c4 measured: " + k2.issues());
        assertTrue(k2.issues().stream().anyMatch(i -> i.file().equals("kiba_binding_affinity_v2.txt")
                && i.row() == 3 && i.field().equals("K2") && i.message().contains("'x'")), k2.issues().toString());
    }

    @Test
    void mismatchedFilesAndUnknownTargetsSayWhich(@TempDir Path dir) throws IOException {
        write(dir, "{\"c1\": \"CCO\", \"c2\": \"CCN\"}", "{\"K1\": \"MSEQ\"}", "11.1\n");
        DatasetSource.Loaded loaded = Datasets.kiba(dir.toString()).minCompounds(1).load();
        assertEquals(0, loaded.datasets().size());
        assertTrue(loaded.skipped().get(0).reason().contains("has 1 rows but ligands_can.txt names 2"),
                loaded.skipped().toString());

        String reason = Datasets.kiba(dir.toString()).targets("K9").load().skipped().get(0).reason();
        assertTrue(reason.contains("no target K9"), reason);
    }

    @Test
    void kibaGivesOneDatasetPerKinase() throws IOException {
        assumeTrue(Files.isDirectory(KIBA), "skipped: " + KIBA + " is not on this machine (shared data)");
        List<String> lines = Files.readAllLines(KIBA.resolve(KibaSource.MATRIX));
        long measuredFirst = lines.stream().filter(l -> !l.isBlank())
                .filter(l -> !l.split("\t")[0].equals("nan")).count();

        long start = System.nanoTime();
        DatasetSource.Loaded loaded = Datasets.kiba(KIBA.toString()).load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(229, loaded.datasets().size() + loaded.skipped().size(), "every kinase is a dataset or skipped");
        Dataset first = loaded.datasets().stream().filter(d -> d.name().equals("O00141")).findFirst()
                .orElseThrow(() -> new AssertionError("O00141 missing; skipped: " + loaded.skipped()));
        assertTrue(first.size() <= measuredFirst && first.size() >= measuredFirst * 0.95,
                first.size() + " compounds from " + measuredFirst + " measured scores");
        System.out.println("KIBA: " + loaded.datasets().size() + " datasets, " + loaded.skipped().size()
                + " skipped, O00141 " + first.size() + " compounds, loaded in " + millis + " ms");
    }
}
