package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

import java.util.function.IntConsumer;

/**
 * The linear path fingerprint (Daylight's kind; RDKit's {@code RDKFingerprint} with {@code branchedPaths=False}):
 * every path of 1 to {@code maxBonds} bonds through distinct heavy atoms, written as its atoms (element, aromatic or
 * not) and bonds (single, double, triple, aromatic) and read from the end that gives the smaller code, hashed into
 * one of {@code bits} columns "Path{maxBonds}.{i}" whose value counts such paths. A view of chains and ring walks
 * that the circular fingerprints cut off at their radius; the hash is this class's own.
 */
final class PathFingerprint extends HashedCountFingerprint {
    /** Longest path allowed: RDKit's default is 7 bonds, and the number of paths grows fast beyond. */
    static final int MAX_BONDS = 10;

    private final int maxBonds;

    /** Built from a spec that {@link Descriptors#pathFingerprint(int, int)} checked. */
    PathFingerprint(int maxBonds, int bits) {
        super("Path" + maxBonds, bits);
        this.maxBonds = maxBonds;
    }

    @Override
    void codes(IAtomContainer mol, IntConsumer hash) {
        int[] atomLabel = new int[mol.getAtomCount()];
        for (int i = 0; i < atomLabel.length; i++) atomLabel[i] = atomLabel(mol.getAtom(i));
        int[] code = new int[2 * maxBonds + 1];
        LinearPaths.walk(mol, maxBonds, (atoms, path, bonds) -> {
            for (int k = 0; k <= bonds; k++) code[2 * k] = atomLabel[atoms[k]];
            for (int k = 0; k < bonds; k++) code[2 * k + 1] = bondLabel(path[k]);
            hash.accept(pathHash(code, 2 * bonds + 1));
        });
    }

    /** The hash of a path's code {@code code[0..length-1]}, read from the end that gives the smaller sequence. */
    static int pathHash(int[] code, int length) {
        boolean reversed = false;
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            if (code[i] != code[j]) {
                reversed = code[i] > code[j];
                break;
            }
        }
        int h = FingerprintHash.mix(length);
        for (int k = 0; k < length; k++) h = FingerprintHash.combine(h, code[reversed ? length - 1 - k : k]);
        return FingerprintHash.mix(h);
    }

    private static int atomLabel(IAtom atom) {
        int element = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
        return (element << 1) | (atom.isAromatic() ? 1 : 0);
    }

    private static int bondLabel(IBond bond) {
        if (bond.isAromatic()) return 4;
        return bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET ? 0 : bond.getOrder().numeric();
    }
}
