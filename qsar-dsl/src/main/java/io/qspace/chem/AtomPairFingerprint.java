package io.qspace.chem;

import org.openscience.cdk.graph.matrix.TopologicalMatrix;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

import java.util.function.IntConsumer;

/**
 * Atom-pair fingerprint (Carhart, Smith and Venkataraghavan 1985) as RDKit's atom-pair generator types its atoms, folded
 * to a fixed length: every pair of heavy atoms 1 to {@link #MAX_DISTANCE} bonds apart gives the code (type of the one,
 * type of the other, shortest-path distance), hashed into a column whose value counts such pairs. An atom's type is
 * its element (15 common elements, every other one element shared), its number of heavy neighbours and its number of
 * pi electrons (1 if aromatic, else the bond orders above single), as in RDKit; the hash is this class's own, so the
 * columns are not RDKit's bit for bit. Unlike PaDEL's AP2D ({@link AtomPairs}) it tells a carbonyl carbon from a
 * methyl and an amide nitrogen from an amine, and reaches across a whole drug-sized molecule.
 */
final class AtomPairFingerprint extends HashedCountFingerprint {
    /** RDKit's longest pair (its maxDistance). */
    static final int MAX_DISTANCE = 30;
    /** RDKit's atomNumberTypes: an element not listed takes the index after the last. */
    private static final int[] ELEMENTS = {5, 6, 7, 8, 9, 14, 15, 16, 17, 33, 34, 35, 51, 52, 43};

    /** Built from a spec that {@link Descriptors#atomPairFingerprint(int)} checked. */
    AtomPairFingerprint(int bits) {
        super("AP", bits);
    }

    @Override
    void codes(IAtomContainer mol, IntConsumer hash) {
        int n = mol.getAtomCount();
        int[] type = new int[n];
        for (int i = 0; i < n; i++) type[i] = atomType(mol, mol.getAtom(i), 0);
        int[][] distance = TopologicalMatrix.getMatrix(mol);
        for (int i = 0; i < n; i++) {
            if (type[i] < 0) continue;
            for (int j = i + 1; j < n; j++) {
                int d = distance[i][j];
                if (type[j] < 0 || d < 1 || d > MAX_DISTANCE) continue;
                hash.accept(pairHash(type[i], type[j], d));
            }
        }
    }

    /** The hash of a pair: its code (the two types in order, then the distance) mixed. */
    static int pairHash(int typeA, int typeB, int distance) {
        return FingerprintHash.mix((Math.min(typeA, typeB) << 12) | (Math.max(typeA, typeB) << 5) | distance);
    }

    /**
     * RDKit's atom code: element index (4 bits), pi electrons modulo 4 (2 bits), heavy neighbours less
     * {@code branchSubtract} (at least 0) modulo 8 (3 bits); -1 for a hydrogen, which pairs are not made of. Pairs
     * subtract nothing; torsions ({@link TopologicalTorsionFingerprint}) the neighbours on the path.
     */
    static int atomType(IAtomContainer mol, IAtom atom, int branchSubtract) {
        if (Molecules.isHydrogen(atom)) return -1;
        int element = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
        int heavyNeighbours = 0, pi = 0;
        for (IBond bond : mol.getConnectedBondsList(atom)) {
            IAtom other = bond.getOther(atom);
            if (!Molecules.isHydrogen(other)) heavyNeighbours++;
            if (!atom.isAromatic() && bond.getOrder() != null && bond.getOrder() != IBond.Order.UNSET) {
                pi += bond.getOrder().numeric() - 1;
            }
        }
        if (atom.isAromatic()) pi = 1;
        int index = ELEMENTS.length;
        for (int k = 0; k < ELEMENTS.length; k++) {
            if (ELEMENTS[k] == element) {
                index = k;
                break;
            }
        }
        return (index << 5) | ((pi % 4) << 3) | (Math.max(0, heavyNeighbours - branchSubtract) % 8);
    }
}
