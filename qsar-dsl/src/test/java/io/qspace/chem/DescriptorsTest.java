package io.qspace.chem;

import org.junit.jupiter.api.Test;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DescriptorsTest {
    private static final Path CHEMBL204 = Path.of("/work/shared/datasets/moleculeace/CHEMBL204_Ki.csv");

    @Test
    void defaultSetHasAtLeast150VaryingColumnsOnBuiltInMolecules() {
        DescriptorMatrix m = Descriptors.cdkDefault().calculate(TestMolecules.drugLike(), null);
        assertTrue(m.varyingColumns() >= 150, "varying columns: " + m.varyingColumns());
        assertEquals(m.columns(), m.names().stream().distinct().count(), "column names are unique");
    }

    @Test
    void defaultSetHasAtLeast150VaryingColumnsOnChembl204WhenPresent() throws Exception {
        assumeTrue(Files.exists(CHEMBL204), "skipped: " + CHEMBL204 + " absent (the built-in list covers this)");
        List<String> smiles = Files.readAllLines(CHEMBL204).stream().skip(1).map(l -> l.split(",")[0]).limit(500).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            DescriptorMatrix m = Descriptors.cdkDefault().calculate(smiles, pool);
            assertTrue(m.varyingColumns() >= 150, "varying columns: " + m.varyingColumns());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sameValuesForAnyPoolSize() {
        List<String> smiles = TestMolecules.drugLike().subList(0, 70);
        DescriptorSet set = Descriptors.defaults();
        DescriptorMatrix inline = set.calculate(smiles, null);
        for (int threads : new int[]{1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                DescriptorMatrix m = set.calculate(smiles, pool);
                assertEquals(inline.names(), m.names());
                for (int r = 0; r < smiles.size(); r++) assertArrayEquals(inline.values()[r], m.values()[r], "row " + r);
                assertEquals(inline.failures(), m.failures());
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void boronMakesChargeBasedClassesFailInFullSetWhileOthersArePresent() {
        DescriptorMatrix m = Descriptors.cdkFull().calculate(List.of("OB(O)c1ccccc1"), null);
        List<String> failed = m.failures().stream().map(DescriptorMatrix.Failure::descriptor).toList();
        assertTrue(failed.contains("BCUT"), failed.toString());
        assertTrue(failed.contains("AutocorrelationCharge"), failed.toString());
        assertTrue(Double.isNaN(m.values()[0][m.names().indexOf("AutocorrelationCharge.ATSc1")]));
        // Classes that need no partial charges are still computed for the boron molecule.
        assertTrue(m.values()[0][m.names().indexOf("WienerNumbers.WPATH")] > 0);
        assertFalse(Double.isNaN(m.values()[0][m.names().indexOf("ALOGP.ALogP")]));
    }

    @Test
    void unparsableSmilesGivesNaNRowAndFailure() {
        DescriptorMatrix m = Descriptors.defaults().calculate(List.of("CCO", "C1CC(", "c1ccccc1"), null);
        assertEquals(3, m.rows());
        for (double v : m.values()[1]) assertTrue(Double.isNaN(v));
        assertTrue(m.failures().stream().anyMatch(f -> f.row() == 1 && f.descriptor().equals("SMILES")));
        assertFalse(Double.isNaN(m.values()[2][m.names().indexOf("ChiPath.SP-1")]));
        assertEquals(3.0, m.values()[2][m.names().indexOf("ChiPath.SP-1")], 1e-12); // benzene: 6 bonds, 1/sqrt(4) each
    }

    @Test
    void classPastTheTimeLimitIsAbandonedAndTheRestComputed() {
        // The sleeping test component takes 60 s on molecules with > 20 heavy atoms; the limit is 200 ms.
        DescriptorSet set = new MoleculeDescriptorSet("test", "descriptors", List.of("test-sleep:60000", "chi"), 200);
        String big = "CC(=N)N1CCC(Oc2ccc3nc(CCC(=O)O)n(Cc4ccc5ccc(C(=N)N)cc5c4)c3c2)CC1";
        DescriptorMatrix m = set.calculate(List.of("CCO", big, "CCCC"), null);
        assertTrue(Double.isNaN(m.values()[1][0]));
        assertTrue(m.failures().stream().anyMatch(f -> f.row() == 1 && f.descriptor().equals("SleepForTest")
                && f.reason().contains("time limit")), m.failures().toString());
        assertFalse(Double.isNaN(m.values()[1][m.names().indexOf("ChiPath.SP-1")]), "chi computed after the abandoned class");
        assertEquals(3, m.values()[0][0], 0);
        assertEquals(4, m.values()[2][0], 0);
        assertEquals(1, m.failures().size(), m.failures().toString());
    }

    @Test
    void ecfpBitsEqualCdkCircularFingerprinter() throws Exception {
        List<String> smiles = TestMolecules.drugLike().subList(0, 12);
        DescriptorMatrix counts = Descriptors.ecfp(4, 1024, true).calculate(smiles, null);
        DescriptorMatrix bits = Descriptors.ecfp(4, 1024, false).calculate(smiles, null);
        for (int r = 0; r < smiles.size(); r++) {
            IAtomContainer mol = Molecules.parse(smiles.get(r));
            BitSet expected = new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, 1024).getBitFingerprint(mol).asBitSet();
            assertTrue(expected.cardinality() > 10);
            for (int i = 0; i < 1024; i++) {
                assertEquals(expected.get(i) ? 1.0 : 0.0, bits.values()[r][i], smiles.get(r) + " bit " + i);
                assertEquals(expected.get(i), counts.values()[r][i] > 0, smiles.get(r) + " count " + i);
            }
        }
    }

    @Test
    void describeAndBlocksOfTheDefaults() {
        assertEquals("cdk-default-v1+ecfp(4,2048,counts)", Descriptors.defaults().describe());
        assertEquals("ecfp(2,512,bits)", Descriptors.ecfp(2, 512, false).describe());
        DescriptorMatrix m = Descriptors.defaults().plus(Descriptors.maccs()).calculate(List.of("CCO"), null);
        int[] d = m.blocks().get("descriptors"), e = m.blocks().get("ecfp4"), k = m.blocks().get("maccs");
        assertEquals(0, d[0]);
        assertEquals(d[1], e[0]);
        assertEquals(2048, e[1] - e[0]);
        assertEquals(166, k[1] - k[0]);
        assertEquals(m.columns(), k[1]);
        assertEquals("ECFP4.0", m.names().get(e[0]));
    }


    @Test
    void fcfpBitsEqualCdkFunctionalClassesAndDifferFromEcfp() throws Exception {
        List<String> smiles = TestMolecules.drugLike().subList(0, 12);
        DescriptorMatrix fcfp = Descriptors.fcfp(4, 1024, false).calculate(smiles, null);
        DescriptorMatrix ecfp = Descriptors.ecfp(4, 1024, false).calculate(smiles, null);
        int differing = 0;
        for (int r = 0; r < smiles.size(); r++) {
            IAtomContainer mol = Molecules.parse(smiles.get(r));
            BitSet expected = new CircularFingerprinter(CircularFingerprinter.CLASS_FCFP4, 1024).getBitFingerprint(mol).asBitSet();
            assertTrue(expected.cardinality() > 5);
            for (int i = 0; i < 1024; i++) {
                assertEquals(expected.get(i) ? 1.0 : 0.0, fcfp.values()[r][i], smiles.get(r) + " bit " + i);
            }
            if (!java.util.Arrays.equals(fcfp.values()[r], ecfp.values()[r])) differing++;
        }
        assertEquals(smiles.size(), differing, "FCFP4 is another view than ECFP4 on every molecule");
        assertEquals("FCFP4.0", fcfp.names().get(0));
        assertArrayEquals(new int[]{0, 1024}, fcfp.blocks().get("fcfp4"));
        assertEquals("fcfp(4,2048,counts)", Descriptors.fcfp4().describe());
        assertArrayEquals(new int[]{0, 2048}, Descriptors.ecfp6().calculate(List.of("CCO"), null).blocks().get("ecfp6"));
    }

    @Test
    void atomPairsCountEachUnorderedPairOnceByTopologicalDistance() {
        // ethanol C-C-O: C-C at 1 bond, C-O at 1 and at 2 bonds; chloroethane C-C-Cl: Cl also counts as any halogen X
        DescriptorMatrix m = Descriptors.atomPairs().calculate(List.of("CCO", "CCCl"), null);
        assertEquals(780, m.columns());
        assertArrayEquals(new int[]{0, 780}, m.blocks().get("atompairs"));
        double[] ethanol = m.values()[0], chloroethane = m.values()[1];
        assertEquals(1.0, ethanol[m.names().indexOf("AP2D.1_C_C")]);
        assertEquals(1.0, ethanol[m.names().indexOf("AP2D.1_C_O")]);
        assertEquals(1.0, ethanol[m.names().indexOf("AP2D.2_C_O")]);
        assertEquals(3.0, java.util.Arrays.stream(ethanol).sum(), "no pair counted twice");
        assertEquals(1.0, chloroethane[m.names().indexOf("AP2D.2_C_Cl")]);
        assertEquals(1.0, chloroethane[m.names().indexOf("AP2D.2_C_X")]);
        assertEquals(0.0, chloroethane[m.names().indexOf("AP2D.1_C_O")]);
        assertTrue(m.failures().isEmpty(), m.failures().toString());
    }

    @Test
    void theAtomPairFingerprintCountsHeavyAtomPairsUpToThirtyBondsByAtomTypeAndDistance() {
        List<String> smiles = List.of("CCO", "CC=O", "[H]OCC", "c1ccccc1", "C1=CC=CC=C1", "C".repeat(32));
        DescriptorMatrix m = Descriptors.atomPairFingerprint().calculate(smiles, null);
        assertTrue(m.failures().isEmpty(), m.failures().toString());
        assertEquals(2048, m.columns());
        assertArrayEquals(new int[]{0, 2048}, m.blocks().get("ap"));
        assertEquals("AP.0", m.names().get(0));
        assertEquals("ap(2048,counts)", Descriptors.atomPairFingerprint().describe());
        double[][] v = m.values();
        // ethanol: three pairs of three atom types (methyl C, CH2, hydroxyl O), each once
        assertEquals(3.0, java.util.Arrays.stream(v[0]).sum());
        assertEquals(3, java.util.Arrays.stream(v[0]).filter(x -> x == 1).count());
        // acetaldehyde has the same elements at the same distances, but a carbonyl C and O: other columns
        assertTrue(!java.util.Arrays.equals(v[0], v[1]), "a carbonyl is not a hydroxyl");
        // hydrogens drawn as atoms make no pairs
        assertArrayEquals(v[0], v[2]);
        // an aromatic ring is one ring however it is drawn: 6 pairs at 1 bond, 6 at 2, 3 at 3, all of one type
        assertArrayEquals(v[3], v[4]);
        assertEquals(15.0, java.util.Arrays.stream(v[3]).sum());
        assertEquals(3, java.util.Arrays.stream(v[3]).filter(x -> x > 0).count());
        // a 32-carbon chain has 496 pairs; its two ends, 31 bonds apart, are too far
        assertEquals(32 * 31 / 2 - 1, java.util.Arrays.stream(v[5]).sum());
    }

    @Test
    void theTopologicalTorsionFingerprintCountsFourAtomChainsAsRdkitDoes() {
        List<String> smiles = List.of("CCCC", "c1ccccc1", "CC(=O)Nc1ccc(O)cc1", "O=C(O)c1ccccc1OC(C)=O", "Cn1cccc1",
                "CC(C)C", "C1CCC1", "[H]C([H])([H])CCC", "C1=CC=CC=C1");
        int bits = 1 << 16; // wide enough that these molecules' torsions share no column
        DescriptorMatrix m = Descriptors.topologicalTorsions(bits).calculate(smiles, null);
        assertTrue(m.failures().isEmpty(), m.failures().toString());
        assertEquals("tt(2048,counts)", Descriptors.topologicalTorsions().describe());
        assertArrayEquals(new int[]{0, bits}, m.blocks().get("tt"));
        assertEquals("TT.0", m.names().get(0));
        // RDKit 2025's GetTopologicalTorsionGenerator().GetSparseCountFingerprint on the same SMILES, counts sorted
        List<List<Integer>> rdkit = List.of(List.of(1), List.of(6), List.of(1, 1, 2, 2, 2, 2, 4),
                counts(14, 2, 3), List.of(1, 2, 2, 2), List.of(), List.of(4));
        for (int r = 0; r < rdkit.size(); r++) {
            assertEquals(rdkit.get(r), sortedCounts(m.values()[r]), smiles.get(r));
        }
        // butane's torsion is not propane's with a hydrogen drawn, and a Kekule benzene is the aromatic one
        assertArrayEquals(m.values()[0], m.values()[7]);
        assertArrayEquals(m.values()[1], m.values()[8]);
    }

    @Test
    void thePathFingerprintCountsEveryChainOfOneToMaxBondsOnce() {
        List<String> smiles = List.of("CC", "CCC", "c1ccccc1", "C1=CC=CC=C1", "CCO", "OCC", "CC=O", "C".repeat(12),
                "[H]OCC");
        DescriptorMatrix seven = Descriptors.pathFingerprint().calculate(smiles, null);
        DescriptorMatrix two = Descriptors.pathFingerprint(2, 2048).calculate(smiles, null);
        assertTrue(seven.failures().isEmpty() && two.failures().isEmpty(), seven.failures().toString());
        assertEquals("paths(7,2048,counts)", Descriptors.pathFingerprint().describe());
        assertArrayEquals(new int[]{0, 2048}, seven.blocks().get("path7"));
        assertEquals("Path7.0", seven.names().get(0));
        double[][] v = seven.values();
        assertEquals(1.0, java.util.Arrays.stream(v[0]).sum());
        // propane: two C-C bonds (one column, counted twice) and one C-C-C
        assertEquals(List.of(1, 2), sortedCounts(v[1]));
        // benzene: from each of 6 atoms, 5 lengths each way, each path once from its two ends: 30, 6 of each length
        assertEquals(List.of(6, 6, 6, 6, 6), sortedCounts(v[2]));
        assertArrayEquals(v[2], v[3]);
        // a path reads the same from either end; a carbonyl is not a hydroxyl; drawn hydrogens make no paths
        assertArrayEquals(v[4], v[5]);
        assertTrue(!java.util.Arrays.equals(v[4], v[6]));
        assertArrayEquals(v[4], v[8]);
        // a 12-carbon chain: 11 - k + 1 paths of k bonds, k = 1..7, and only k <= 2 with maxBonds 2
        assertEquals(11 + 10 + 9 + 8 + 7 + 6 + 5, java.util.Arrays.stream(v[7]).sum());
        assertEquals(11 + 10, java.util.Arrays.stream(two.values()[7]).sum());
        assertThrows(IllegalArgumentException.class, () -> Descriptors.pathFingerprint(11, 2048));
        assertThrows(IllegalArgumentException.class, () -> Descriptors.pathFingerprint(0, 2048));
    }

    /** The nonzero counts of a fingerprint row, sorted: its partition of environments when no two share a column. */
    private static List<Integer> sortedCounts(double[] row) {
        return java.util.Arrays.stream(row).filter(x -> x > 0).mapToInt(x -> (int) x).sorted().boxed().toList();
    }

    @Test
    void theMorganFingerprintKeepsEveryEnvironmentWithNewBondsAsRdkitDoes() {
        List<String> smiles = List.of("c1ccsc1", "Cn1cccc1", "CC(=O)Nc1ccc(O)cc1", "O=C(O)c1ccccc1OC(C)=O", "CC",
                "C1=CSC=C1");
        int bits = 1 << 16; // wide enough that these molecules' environments share no column
        DescriptorMatrix two = Descriptors.morgan(2, bits).calculate(smiles, null);
        DescriptorMatrix three = Descriptors.morgan(3, bits).calculate(smiles, null);
        assertTrue(two.failures().isEmpty() && three.failures().isEmpty(), two.failures().toString());
        assertEquals("morgan(2,2048,counts)", Descriptors.morgan(2, 2048).describe());
        assertArrayEquals(new int[]{0, bits}, two.blocks().get("morgan2"));
        assertEquals("Morgan3.0", three.names().get(0));
        // RDKit 2025's GetMorganGenerator(radius).GetSparseCountFingerprint on the same SMILES, counts sorted
        List<List<Integer>> rdkitRadius2 = List.of(List.of(1, 1, 1, 2, 2, 2, 2, 4), List.of(1, 1, 1, 1, 1, 2, 2, 2, 2, 4),
                counts(16, 2, 2, 2, 4, 4), counts(17, 2, 2, 2, 2, 2, 2, 2, 4), List.of(1, 2));
        List<List<Integer>> rdkitRadius3 = List.of(List.of(1, 1, 1, 1, 2, 2, 2, 2, 4),
                List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4), counts(21, 2, 2, 2, 4, 4), counts(24, 2, 2, 2, 2, 2, 2, 2, 4),
                List.of(1, 2));
        for (int r = 0; r < rdkitRadius2.size(); r++) {
            assertEquals(rdkitRadius2.get(r), sortedCounts(two.values()[r]), smiles.get(r) + " radius 2");
            assertEquals(rdkitRadius3.get(r), sortedCounts(three.values()[r]), smiles.get(r) + " radius 3");
            for (int c = 0; c < bits; c++) {
                assertTrue(three.values()[r][c] >= two.values()[r][c], "radius 3 holds radius 2's environments");
            }
        }
        // thiophene drawn with Kekule bonds is the same aromatic ring
        assertArrayEquals(two.values()[0], two.values()[5]);
        // CDK's ECFP4 keeps one of the five radius-2 environments of the ring (their atoms are all the same)
        DescriptorMatrix cdk = Descriptors.ecfp(4, 2048, true).calculate(List.of("c1ccsc1"), null);
        assertEquals(11.0, java.util.Arrays.stream(cdk.values()[0]).sum());
        assertEquals(15.0, java.util.Arrays.stream(two.values()[0]).sum());
        assertThrows(IllegalArgumentException.class, () -> Descriptors.morgan(5, 2048));
    }

    @Test
    void theFeatureMorganFingerprintTypesAtomsByRdkitsPharmacophoricRoles() throws Exception {
        // donor 1, acceptor 2, aromatic 4, halogen 8, basic 16, acidic 32
        List<String> smiles = List.of("CC(=O)Nc1ccc(O)cc1", "O=C(O)c1ccccc1OC(C)=O", "CN(C)CCc1c[nH]c2ccccc12",
                "Clc1ccc(F)cc1", "NCc1ccco1", "c1ccncc1");
        // RDKit 2025's rdMolDescriptors.GetFeatureInvariants and, at radius 2, the sorted counts of
        // GetMorganGenerator(2, atomInvariantsGenerator=GetMorganFeatureAtomInvGen()).GetSparseCountFingerprint
        List<int[]> rdkitInvariants = List.of(new int[]{0, 0, 2, 1, 4, 4, 4, 4, 3, 4, 4},
                new int[]{2, 32, 1, 4, 4, 4, 4, 4, 4, 2, 0, 0, 2}, new int[]{0, 18, 0, 0, 0, 4, 4, 5, 4, 4, 4, 4, 4, 4},
                new int[]{8, 4, 4, 4, 4, 8, 4, 4}, new int[]{19, 0, 4, 4, 4, 4, 6}, new int[]{4, 4, 4, 6, 4, 4});
        List<List<Integer>> rdkitRadius2 = List.of(counts(14, 2, 2, 2, 4, 6), counts(18, 2, 2, 3, 4, 6),
                counts(20, 2, 2, 4, 4, 8), List.of(2, 2, 2, 2, 4, 4, 6), counts(14, 2, 4), counts(4, 2, 2, 2, 3, 5));
        int bits = 1 << 16;
        DescriptorMatrix two = Descriptors.featureMorgan(2, bits).calculate(smiles, null);
        assertTrue(two.failures().isEmpty(), two.failures().toString());
        assertEquals("featuremorgan(2,2048,counts)", Descriptors.featureMorgan(2, 2048).describe());
        assertArrayEquals(new int[]{0, bits}, two.blocks().get("fmorgan2"));
        assertEquals("FeatureMorgan2.0", two.names().get(0));
        for (int r = 0; r < smiles.size(); r++) {
            assertArrayEquals(rdkitInvariants.get(r), MorganFingerprint.featureInvariants(Molecules.parse(smiles.get(r))),
                    smiles.get(r));
            assertEquals(rdkitRadius2.get(r), sortedCounts(two.values()[r]), smiles.get(r) + " radius 2");
        }
        // the same growth as the connectivity fingerprint, from coarser atoms: fewer distinct environments
        DescriptorMatrix plain = Descriptors.morgan(2, bits).calculate(smiles, null);
        assertTrue(sortedCounts(two.values()[3]).size() < sortedCounts(plain.values()[3]).size());
        assertThrows(IllegalArgumentException.class, () -> Descriptors.featureMorgan(5, 2048));
    }

    private static List<Integer> counts(int ones, Integer... more) {
        List<Integer> all = new java.util.ArrayList<>(java.util.Collections.nCopies(ones, 1));
        all.addAll(List.of(more));
        return all;
    }
}
