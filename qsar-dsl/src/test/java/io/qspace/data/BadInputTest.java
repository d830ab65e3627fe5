package io.qspace.data;

import static io.qspace.data.Fixtures.badInput;
import static io.qspace.data.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.DatasetSource.SkippedDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad input becomes a message naming the file, the row and the field, and the rest still loads. */
class BadInputTest {

    private static LoadIssue issueAt(Dataset d, int row) {
        return d.issues().stream().filter(i -> i.row() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no issue for row " + row + " in " + d.issues()));
    }

    private static void assertNames(LoadIssue issue, String file, int row, String field) {
        String text = issue.toString();
        assertTrue(text.contains(file), text);
        assertTrue(text.contains("row " + row), text);
        assertTrue(text.contains("'" + field + "'"), text);
    }

    @Test
    void badRowsAreReportedAndTheRestLoads() {
        Dataset d = only(Datasets.csv(badInput("mixed_problems.csv")).activity("pKi").id("chembl_id")
                .split("split").minCompounds(1).load());
        assertEquals(8, d.size(), d.issues().toString());
        assertEquals(List.of("C1", "C2", "C7", "C8", "C9", "C10", "C11", "C12"),
                d.compounds().stream().map(Compound::id).toList());

        LoadIssue malformed = issueAt(d, 4);
        assertNames(malformed, "mixed_problems.csv", 4, "smiles");
        assertTrue(malformed.message().contains("malformed SMILES 'C1CC(C1'"), malformed.message());

        LoadIssue nonNumeric = issueAt(d, 5);
        assertNames(nonNumeric, "mixed_problems.csv", 5, "pKi");
        assertTrue(nonNumeric.message().contains("'abc' is not a number"), nonNumeric.message());

        LoadIssue empty = issueAt(d, 6);
        assertNames(empty, "mixed_problems.csv", 6, "pKi");
        assertTrue(empty.message().contains("empty activity"), empty.message());

        LoadIssue split = issueAt(d, 7);
        assertNames(split, "mixed_problems.csv", 7, "split");
        assertTrue(split.message().contains("unknown split value 'validation'"), split.message());

        assertEquals(4, d.issues().size(), d.issues().toString());
        // quoted SMILES read as plain SMILES; source rows kept
        Compound c8 = d.compounds().get(3);
        assertEquals("C8", c8.id());
        assertEquals(9, c8.sourceRow());
        assertEquals("train", c8.givenSplit());
        assertTrue(d.hasGivenSplit());
    }

    @Test
    void nonPositiveConcentrationsCannotBeConverted() {
        Dataset d = only(Datasets.csv(badInput("nanomolar.csv")).activity("Ki_nM").fromNanomolar().minCompounds(1)
                .load());
        assertEquals(3, d.size());
        assertEquals(6.0, d.compounds().get(0).activity(), 1e-12); // 1000 nM
        assertEquals(9.0, d.compounds().get(1).activity(), 1e-12); // 1 nM
        assertEquals(8.0, d.compounds().get(2).activity(), 1e-12); // 10 nM
        assertNames(issueAt(d, 3), "nanomolar.csv", 3, "Ki_nM");
        assertTrue(issueAt(d, 3).message().contains("0 nM is not positive"), issueAt(d, 3).message());
        assertTrue(issueAt(d, 4).message().contains("-5 nM is not positive"), issueAt(d, 4).message());
    }

    @Test
    void missingColumnSkipsTheFileAndListsTheColumns() {
        SkippedDataset s = onlySkipped(Datasets.csv(badInput("no_smiles_column.csv")).minCompounds(1).load());
        assertEquals("no_smiles_column", s.name());
        assertTrue(s.reason().contains("no_smiles_column.csv"), s.reason());
        assertTrue(s.reason().contains("'smiles'"), s.reason());
        assertTrue(s.reason().contains("structure, id, pIC50"), s.reason());

        SkippedDataset named = onlySkipped(Datasets.csv(badInput("quoted.csv")).activity("pKi").minCompounds(1).load());
        assertTrue(named.reason().contains("activity column 'pKi'"), named.reason());
        assertTrue(named.reason().contains("smiles, id, activity, comment"), named.reason());
    }

    @Test
    void ambiguousActivityNeedsAName() {
        SkippedDataset s = onlySkipped(Datasets.csv(badInput("ambiguous.csv")).minCompounds(1).load());
        assertTrue(s.reason().contains(".activity("), s.reason());
        assertTrue(s.reason().contains("smiles, y, value"), s.reason());
    }

    @Test
    void emptyFilesAreSkipped() {
        SkippedDataset empty = onlySkipped(Datasets.csv(badInput("empty.csv")).minCompounds(1).load());
        assertTrue(empty.reason().contains("empty.csv is empty"), empty.reason());
        SkippedDataset headerOnly = onlySkipped(Datasets.csv(badInput("header_only.csv")).minCompounds(1).load());
        assertTrue(headerOnly.reason().contains("no data rows"), headerOnly.reason());
        SkippedDataset missing = onlySkipped(Datasets.csv(badInput("empty.csv").replace("empty.csv", "nope.csv")).load());
        assertTrue(missing.reason().contains("not found"), missing.reason());
    }

    @Test
    void tooFewCompoundsSaysHowManyAndTheMinimum() {
        SkippedDataset s = onlySkipped(Datasets.csv(badInput("mixed_problems.csv")).activity("pKi").load());
        assertTrue(s.reason().contains("only 8 usable compounds"), s.reason());
        assertTrue(s.reason().contains("minimum is 23"), s.reason());
        assertEquals(4, s.issues().size(), "the row issues travel with the skipped dataset");
    }

    private static SkippedDataset onlySkipped(DatasetSource.Loaded loaded) {
        assertEquals(List.of(), loaded.datasets());
        assertEquals(1, loaded.skipped().size(), loaded.skipped().toString());
        return loaded.skipped().get(0);
    }
}
