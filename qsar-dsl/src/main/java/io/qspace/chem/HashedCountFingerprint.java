package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A fingerprint of hashed codes folded to {@code bits} count columns "{name}.{i}": each code the molecule has adds one
 * to the column its hash falls in ({@link FingerprintHash#column}). Subclasses say which codes a molecule has.
 */
abstract class HashedCountFingerprint implements MoleculeDescriptor {
    private final String name;
    private final int bits;
    private final String[] columns;

    HashedCountFingerprint(String name, int bits) {
        this.name = name;
        this.bits = bits;
        columns = new String[bits];
        for (int i = 0; i < bits; i++) columns[i] = name + "." + i;
    }

    @Override public final String name() { return name; }

    @Override public final String[] columns() { return columns.clone(); }

    @Override
    public final String compute(IAtomContainer mol, double[] out, int offset) {
        Arrays.fill(out, offset, offset + bits, 0);
        codes(mol, hash -> out[offset + FingerprintHash.column(hash, bits)]++);
        return null;
    }

    /** Gives the hash of every code of the molecule, once per occurrence. */
    abstract void codes(IAtomContainer mol, IntConsumer hash);
}
