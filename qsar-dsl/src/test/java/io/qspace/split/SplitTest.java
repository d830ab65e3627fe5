package io.qspace.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Compound;
import io.qspace.data.Dataset;
import io.qspace.store.Serialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitTest {
    /** Ten ring systems, each decorated with a few substituents, plus some acyclic compounds. */
    private static final String[] CORES = {"c1ccccc1", "c1ccncc1", "C1CCCCC1", "c1ccc2ccccc2c1", "C1CCNCC1",
        "c1ccoc1", "c1ccsc1", "C1CCOC1", "c1cnc2ccccc2c1", "c1ccc(cc1)-c1ccccc1"};
    private static final String[] SUBSTITUENTS = {"C", "CC", "O", "N", "Cl", "F", "OC", "C(=O)O"};

    static Dataset dataset(int n, boolean givenSplit) {
        List<Compound> compounds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String smiles = i % 11 == 10
                    ? "C".repeat(2 + i / 11) + "O"
                    : SUBSTITUENTS[(i / 11) % SUBSTITUENTS.length] + "." + CORES[i % 11 % CORES.length];
            // a dotted "substituent.core" is not attached; make a real bond instead
            smiles = i % 11 == 10 ? smiles : CORES[i % 11 % CORES.length] + SUBSTITUENTS[(i / 11) % SUBSTITUENTS.length];
            compounds.add(new Compound("c" + i, smiles, 4 + (i * 37 % 50) / 10.0,
                    givenSplit ? (i % 4 == 0 ? "test" : "train") : null, i + 2));
        }
        return new Dataset("toy", "memory", compounds, List.of());
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void seededSplitsAreDeterministicAndSeedDependent() {
        Dataset d = dataset(88, false);
        for (Split split : List.of(Split.random(0.2), Split.stratified(0.2), Split.scaffold(0.2))) {
            assertArrayEquals(split.testMask(d, 42), split.testMask(d, 42), split.describe());
            Split copy = Serialization.fromBytes(Serialization.toBytes(split), Split.class);
            assertArrayEquals(split.testMask(d, 42), copy.testMask(d, 42), split.describe());
            boolean anyDifferent = false;
            for (long seed = 1; seed < 6; seed++) {
                anyDifferent |= !Arrays.equals(split.testMask(d, 42), split.testMask(d, 42 + seed));
            }
            assertTrue(anyDifferent, split.describe() + " ignores the seed");
        }
    }

    @Test
    void randomAndStratifiedHitTheTargetSize() {
        for (int n : new int[] {5, 7, 23, 100, 101}) {
            Dataset d = dataset(n, false);
            int target = (int) Math.round(n * 0.2);
            for (Split split : List.of(Split.random(0.2), Split.stratified(0.2))) {
                int inTest = count(split.testMask(d, 7));
                assertTrue(Math.abs(inTest - target) <= 1, split.describe() + " n=" + n + " test=" + inTest);
                assertTrue(inTest > 0 && inTest < n, split.describe() + " leaves a part empty for n=" + n);
            }
        }
    }

    @Test
    void stratifiedSpansTheActivityRange() {
        Dataset d = dataset(100, false);
        boolean[] test = Split.stratified(0.2).testMask(d, 3);
        double[] sorted = d.compounds().stream().mapToDouble(Compound::activity).sorted().toArray();
        double lowCut = sorted[20];
        double highCut = sorted[79];
        boolean low = false;
        boolean high = false;
        for (int i = 0; i < test.length; i++) {
            if (test[i]) {
                low |= d.compounds().get(i).activity() <= lowCut;
                high |= d.compounds().get(i).activity() >= highCut;
            }
        }
        assertTrue(low && high, "test compounds from both ends of the activity range");
    }

    @Test
    void scaffoldGroupsNeverStraddle() {
        Dataset d = dataset(88, false);
        List<String> scaffolds = Scaffolds.of(d.compounds().stream().map(Compound::smiles).toList());
        assertEquals(11, scaffolds.stream().distinct().count(), "10 ring systems plus the acyclic group");
        assertEquals("", scaffolds.get(10), "acyclic molecules share the empty scaffold");
        assertEquals(scaffolds.get(0), Scaffolds.of(List.of("c1ccccc1")).get(0), "toluene's scaffold is benzene");
        for (long seed = 0; seed < 10; seed++) {
            boolean[] test = Split.scaffold(0.2).testMask(d, seed);
            Map<String, Boolean> side = new HashMap<>();
            for (int i = 0; i < test.length; i++) {
                Boolean previous = side.putIfAbsent(scaffolds.get(i), test[i]);
                assertTrue(previous == null || previous == test[i], "scaffold " + scaffolds.get(i) + " straddles");
            }
            int inTest = count(test);
            assertTrue(inTest > 0 && inTest < d.size() && inTest <= 18, "test size " + inTest);
        }
    }

    @Test
    void givenAndAuto() {
        Dataset withSplit = dataset(40, true);
        boolean[] given = Split.given().testMask(withSplit, 1);
        assertEquals(10, count(given));
        assertTrue(given[0] && !given[1]);
        assertArrayEquals(given, Split.auto(0.3).testMask(withSplit, 99), "auto uses the given split");

        Dataset without = dataset(40, false);
        assertArrayEquals(Split.random(0.3).testMask(without, 5), Split.auto(0.3).testMask(without, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.given().testMask(without, 1));
        assertTrue(e.getMessage().contains("'toy'") && e.getMessage().contains("40 of its 40"), e.getMessage());
    }

    @Test
    void descriptionsAndBadFractions() {
        assertEquals("random(0.2)", Split.random(0.2).describe());
        assertEquals("scaffold(0.25)", Split.scaffold(0.25).describe());
        assertEquals("stratified(0.1)", Split.stratified(0.1).describe());
        assertEquals("auto(0.2)", Split.auto(0.2).describe());
        assertEquals("given", Split.given().describe());
        assertThrows(IllegalArgumentException.class, () -> Split.random(0));
        assertThrows(IllegalArgumentException.class, () -> Split.scaffold(1.0));
        assertFalse(Split.random(0.2).equals(Split.random(0.3)));
        assertEquals(Split.random(0.2), Split.random(0.2));
    }
}
