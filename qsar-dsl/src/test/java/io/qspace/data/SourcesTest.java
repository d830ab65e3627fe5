package io.qspace.data;

import static io.qspace.data.Fixtures.badInput;
import static io.qspace.data.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.store.Serialization;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

    @Test
    void quotedFieldsAndGuessedColumns() {
        Dataset d = only(Datasets.csv(badInput("quoted.csv")).minCompounds(1).load());
        assertEquals(List.of("phenol, the simple one", "ethylamine"), d.compounds().stream().map(Compound::id).toList());
        assertEquals(5.1, d.compounds().get(0).activity(), 1e-12);
        assertEquals("quoted", d.name());
    }

    @Test
    void tsvByExtensionWithUpperCaseSmilesHeader() {
        Dataset d = only(Datasets.csv(badInput("tabbed.tsv")).minCompounds(1).load());
        assertEquals(3, d.size());
        assertEquals("pyridine", d.compounds().get(2).id());
        assertEquals(6.3, d.compounds().get(2).activity(), 1e-12);
        assertEquals(null, d.compounds().get(2).givenSplit());
    }

    @Test
    void globGivesOneDatasetPerFileSortedByName() {
        String dir = Path.of(badInput("quoted.csv")).getParent().toString();
        DatasetSource.Loaded loaded = Datasets.csv(dir + "/*.csv").minCompounds(1).load();
        List<String> names = loaded.datasets().stream().map(Dataset::name).toList();
        assertEquals(List.of("duplicates", "mixed_problems", "nanomolar", "quoted"), names);
        List<String> skipped = loaded.skipped().stream().map(DatasetSource.SkippedDataset::name).toList();
        assertTrue(skipped.containsAll(List.of("ambiguous", "empty", "header_only", "no_smiles_column")), skipped.toString());
    }

    @Test
    void smilesFileWithoutHeaderIsSmilesNameActivity() {
        Dataset d = only(Datasets.smiles(badInput("plain.smi")).minCompounds(1).load());
        assertEquals(List.of("phenol", "ethylamine"), d.compounds().stream().map(Compound::id).toList());
        assertTrue(d.issues().stream().anyMatch(i -> i.row() == 3 && i.field().equals("smiles")), d.issues().toString());
        assertTrue(d.issues().stream().anyMatch(i -> i.row() == 4 && i.field().equals("activity")
                && i.message().contains("notanumber")), d.issues().toString());
    }

    @Test
    void smilesFileWithHeader() {
        Dataset d = only(Datasets.smiles(badInput("with_header.smi")).minCompounds(1).load());
        assertEquals(2, d.size());
        assertEquals(4.2, d.compounds().get(1).activity(), 1e-12);
        assertEquals(3, d.compounds().get(1).sourceRow());
    }

    @Test
    void sdfActivityFromAProperty() {
        Dataset d = only(Datasets.sdf(badInput("three.sdf")).activity("ACTIVITY").minCompounds(1).load());
        assertEquals(2, d.size());
        assertEquals(6.87, d.compounds().get(0).activity(), 1e-12);
        assertTrue(d.compounds().get(0).smiles().contains("Cl"), d.compounds().get(0).smiles());
        LoadIssue missing = d.issues().get(0);
        assertEquals(3, missing.row());
        assertEquals("ACTIVITY", missing.field());
        assertTrue(missing.toString().contains("three.sdf"), missing.toString());
    }

    @Test
    void sourcesAreSerialisableAndImmutable() {
        CsvSource base = Datasets.csv(badInput("quoted.csv")).minCompounds(1);
        CsvSource other = base.activity("nonexistent");
        assertEquals(1, base.load().datasets().size(), "configuring a copy leaves the original alone");
        assertEquals(0, other.load().datasets().size());
        CsvSource copy = Serialization.fromBytes(Serialization.toBytes(base), CsvSource.class);
        assertEquals(base.load().datasets(), copy.load().datasets());
    }
}
