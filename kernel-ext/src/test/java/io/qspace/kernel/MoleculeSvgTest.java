package io.qspace.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MoleculeSvgTest {

    @Test
    void depictsPhenolAsSvgWithPaths() {
        Smiles phenol = Smiles.of("c1ccccc1O");
        String svg = new MoleculeSvg().render(phenol.molecule());
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("<path"), svg);
        assertTrue(svg.contains("</svg>"), svg);
    }

    @Test
    void leavesTheCallersMoleculeWithoutCoordinates() {
        Smiles phenol = Smiles.of("c1ccccc1O");
        new MoleculeSvg().render(phenol.molecule());
        assertNull(phenol.molecule().getAtom(0).getPoint2d());
    }

    @Test
    void biggerMoleculeGivesMorePaths() {
        MoleculeSvg svg = new MoleculeSvg();
        int methane = svg.render(Smiles.of("C").molecule()).split("<path", -1).length;
        int caffeine = svg.render(Smiles.of("Cn1cnc2c1c(=O)n(C)c(=O)n2C").molecule()).split("<path", -1).length;
        assertTrue(caffeine > methane, methane + " vs " + caffeine);
    }
}
