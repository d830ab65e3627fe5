package io.qspace.chem;

import org.junit.jupiter.api.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KierHallChiTest {
    private static final String[] CDK_CHI = {
            "ChiPathDescriptor", "ChiClusterDescriptor", "ChiPathClusterDescriptor", "ChiChainDescriptor"};

    @Test
    void ownChiEqualsCdkChiOnDrugLikeMolecules() throws Exception {
        List<String> smiles = TestMolecules.drugLike();
        KierHallChi own = new KierHallChi();
        MoleculeDescriptor[] cdk = new MoleculeDescriptor[CDK_CHI.length];
        for (int i = 0; i < cdk.length; i++) cdk[i] = new CdkDescriptor(CDK_CHI[i]);
        String[] names = own.columns();
        int compared = 0;
        // Every 8th molecule keeps the test to seconds: CDK's chain search alone is ~65 ms a molecule.
        for (int m = 0; m < smiles.size(); m += 8) {
            IAtomContainer mol = Molecules.parse(smiles.get(m));
            double[] mine = new double[names.length];
            own.compute(mol, mine, 0);
            double[] theirs = new double[names.length];
            int offset = 0;
            for (MoleculeDescriptor d : cdk) {
                d.compute(Molecules.parse(smiles.get(m)), theirs, offset);
                offset += d.columns().length;
            }
            for (int c = 0; c < names.length; c++) {
                assertEquals(theirs[c], mine[c], 1e-6, names[c] + " of " + smiles.get(m));
                compared++;
            }
        }
        assertTrue(compared >= 400, "compared " + compared);
    }

    @Test
    void textbookValuesForIsobutane() throws Exception {
        // Isobutane: 1chi = 3/sqrt(3), 3chi_cluster = 1/sqrt(3), and no path of 3 bonds.
        double[] v = new double[KierHallChi.columnCount()];
        new KierHallChi().compute(Molecules.parse("CC(C)C"), v, 0);
        List<String> names = List.of(new KierHallChi().columns());
        assertEquals(3 / Math.sqrt(3), v[names.indexOf("ChiPath.SP-1")], 1e-12);
        assertEquals(1 / Math.sqrt(3), v[names.indexOf("ChiCluster.SC-3")], 1e-12);
        assertEquals(0, v[names.indexOf("ChiPath.SP-3")], 1e-12);
    }
}
