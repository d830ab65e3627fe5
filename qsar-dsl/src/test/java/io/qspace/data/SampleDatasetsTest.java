package io.qspace.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The data the project ships loads completely: these sets drive the sample study and the core tests. */
class SampleDatasetsTest {
    static final Path SAMPLES = Path.of("..", "datasets-sample");

    @Test
    void everySampleLoadsWithSaneActivities() {
        assertTrue(Files.isDirectory(SAMPLES), "datasets-sample/ next to qsar-dsl/");
        long start = System.nanoTime();
        DatasetSource.Loaded loaded = Datasets.csv(SAMPLES + "/*.csv").load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), loaded.skipped());
        Map<String, Dataset> byName = loaded.datasets().stream().collect(Collectors.toMap(Dataset::name, d -> d));
        assertEquals(List.of("freewilson_CHEMBL2321810", "sutherland_BZR"),
                loaded.datasets().stream().map(Dataset::name).toList());
        // 1017 and 163 rows in the files; curation may merge a few duplicates
        assertTrue(byName.get("freewilson_CHEMBL2321810").size() >= 1000, "" + byName.get("freewilson_CHEMBL2321810").size());
        assertTrue(byName.get("sutherland_BZR").size() >= 150, "" + byName.get("sutherland_BZR").size());
        for (Dataset d : loaded.datasets()) {
            for (Compound c : d.compounds()) {
                assertTrue(c.activity() > 2 && c.activity() < 12, d.name() + " " + c);
                assertTrue(!c.smiles().contains("."), "one fragment: " + c.smiles());
            }
            assertTrue(d.issues().stream().noneMatch(i -> i.message().contains("row skipped")), d.issues().toString());
        }
        System.out.println("datasets-sample: " + loaded.datasets().stream().map(d -> d.name() + "=" + d.size())
                .toList() + " in " + millis + " ms");
    }
}
