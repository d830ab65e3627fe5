package io.qspace.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SmilesTest {

    @Test
    void parsesEagerly() {
        Smiles s = Smiles.of("c1ccccc1O");
        assertEquals(7, s.molecule().getAtomCount());
        assertEquals("c1ccccc1O", s.toString());
    }

    @Test
    void invalidSmilesFailsWhereItIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Smiles.of("c1ccc"));
        assertTrue(e.getMessage().contains("c1ccc"), e.getMessage());
    }
}
