package io.qspace.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qspace.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real MoleculeACE file from the shared folder, when this machine has it. */
class MoleculeAceTest {
    static final Path FILE = Path.of("/work/shared/datasets/moleculeace/CHEMBL2835_Ki.csv");

    @Test
    void curationKeepsNearlyAllRowsAndTheGivenSplit() throws IOException {
        assumeTrue(Files.isRegularFile(FILE), "skipped: " + FILE + " is not on this machine (shared data)");
        List<String> lines = Files.readAllLines(FILE);
        int rows = lines.size() - 1;
        long testRows = lines.stream().skip(1).filter(l -> l.endsWith(",test") || l.contains(",test,")).count();

        long start = System.nanoTime();
        DatasetSource.Loaded loaded = Datasets.csv(FILE.toString()).activity("y [pEC50/pKi]").split("split").load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Dataset d = Fixtures.only(loaded);
        assertEquals("CHEMBL2835_Ki", d.name());
        assertTrue(d.size() >= rows * 0.97 && d.size() <= rows, d.size() + " of " + rows + ": " + d.issues());
        assertTrue(d.hasGivenSplit());
        boolean[] test = Split.given().testMask(d, 0);
        long inTest = 0;
        for (boolean b : test) {
            inTest += b ? 1 : 0;
        }
        assertTrue(Math.abs(inTest - testRows) <= rows * 0.03, inTest + " test compounds vs " + testRows + " test rows");
        assertTrue(d.compounds().stream().allMatch(c -> c.activity() > 3 && c.activity() < 12));
        System.out.println("CHEMBL2835_Ki: " + rows + " rows -> " + d.size() + " compounds, " + inTest
                + " test, loaded in " + millis + " ms, issues " + d.issues().size());
    }
}
