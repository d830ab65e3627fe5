package io.qspace.chem;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.MACCSFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.Arrays;
import java.util.BitSet;

/** The 166 MACCS structural keys from CDK, as 0/1 columns "MACCS.1" .. "MACCS.166" (key numbers, 1-based). */
final class MaccsKeys implements MoleculeDescriptor {
    private final MACCSFingerprinter fingerprinter = new MACCSFingerprinter();
    private final String[] columns;

    MaccsKeys() {
        columns = new String[fingerprinter.getSize()];
        for (int i = 0; i < columns.length; i++) columns[i] = "MACCS." + (i + 1);
    }

    @Override public String name() { return "MACCS"; }

    @Override public String[] columns() { return columns.clone(); }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) throws CDKException {
        Arrays.fill(out, offset, offset + columns.length, 0);
        BitSet keys = fingerprinter.getBitFingerprint(mol).asBitSet();
        for (int i = keys.nextSetBit(0); i >= 0 && i < columns.length; i = keys.nextSetBit(i + 1)) out[offset + i] = 1;
        return null;
    }
}
