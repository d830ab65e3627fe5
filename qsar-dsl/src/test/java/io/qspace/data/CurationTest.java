package io.qspace.data;

import static io.qspace.data.Fixtures.badInput;
import static io.qspace.data.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurationTest {

    @Test
    void keepsTheLargestFragmentAndNeutralises() {
        assertEquals(Curation.standardise("CCN"), Curation.standardise("CC[NH3+].[Cl-]"));
        assertEquals(Curation.standardise("OC(=O)c1ccccc1"), Curation.standardise("[O-]C(=O)c1ccccc1.[Na+]"));
        assertEquals(Curation.standardise("Oc1ccccc1"), Curation.standardise("[O-]c1ccccc1"));
        assertEquals(Curation.standardise("CS"), Curation.standardise("C[S-]"));
        assertEquals(Curation.standardise("CN(C)C"), Curation.standardise("C[NH+](C)C.O.O"));
        assertEquals(Curation.standardise("c1ccncc1"), Curation.standardise("c1cc[nH+]cc1"));
    }

    @Test
    void leavesQuaternaryNitrogenNitroAndNOxidesAlone() {
        assertTrue(Curation.standardise("C[N+](C)(C)C.[Cl-]").contains("[N+]"));
        String nitro = Curation.standardise("[O-][N+](=O)c1ccccc1");
        assertTrue(nitro.contains("[N+]") && nitro.contains("[O-]"), nitro);
        String oxide = Curation.standardise("[O-][n+]1ccccc1");
        assertTrue(oxide.contains("[n+]") && oxide.contains("[O-]"), oxide);
    }

    @Test
    void canonicalAromaticAndStereo() {
        assertEquals(Curation.standardise("C1=CC=CC=C1O"), Curation.standardise("Oc1ccccc1"));
        assertTrue(Curation.standardise("C1=CC=CC=C1").equals("c1ccccc1"));
        assertNotEquals(Curation.standardise("C[C@H](N)O"), Curation.standardise("C[C@@H](N)O"));
        assertEquals(Curation.standardise("C[C@H](N)O"), Curation.standardise("O[C@H](C)N"));
        assertEquals(Curation.standardise("C/C=C/Cl"), Curation.standardise("Cl/C=C/C"));
        assertNotEquals(Curation.standardise("C/C=C/Cl"), Curation.standardise("C/C=C\\Cl"));
    }

    @Test
    void malformedSmilesIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Curation.standardise("C1CC("));
        assertTrue(e.getMessage().contains("malformed SMILES"), e.getMessage());
    }

    @Test
    void duplicatesAreMergedAndDisagreementsFlagged() {
        Dataset d = only(Datasets.csv(badInput("duplicates.csv")).minCompounds(1).load());
        assertEquals(3, d.size(), d.compounds().toString());
        Compound ethanol = d.compounds().get(0);
        assertEquals("first", ethanol.id());
        assertEquals(6.0, ethanol.activity(), 1e-12);
        assertEquals("train", ethanol.givenSplit(), "disagreeing splits go to train");
        assertTrue(d.issues().stream().anyMatch(i -> i.message().contains("disagree by 2.00 log units")),
                d.issues().toString());
        assertTrue(d.issues().stream().anyMatch(i -> i.message().contains("different given splits")),
                d.issues().toString());
        Compound amine = d.compounds().get(1);
        assertEquals("amine_salt", amine.id());
        assertEquals(6.2, amine.activity(), 1e-12);
        assertTrue(d.issues().stream().noneMatch(i -> i.message().contains("disagree") && i.row() == 4),
                "0.4 log units apart is within tolerance");
    }
}
