package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.function.IntConsumer;

/**
 * The topological torsion fingerprint (Nilakantan et al. 1987) with RDKit's atom types: every linear path of four
 * heavy atoms, each typed by element, pi electrons and its heavy neighbours off the path (as RDKit's torsion generator
 * types them: the atom-pair type with one branch less at the ends, two in the middle), read from the end that gives
 * the smaller code, hashed into one of {@code bits} columns "TT.{i}" whose value counts such torsions. A local-shape
 * view between the atom pairs' whole-molecule one and the circular environments; the hash is this class's own. Its
 * sorted counts equal RDKit's on 1,411 of CHEMBL4792_Ki's 1,471 molecules: RDKit also counts a three-membered ring as
 * a torsion (a path back to its first atom; here atoms are distinct) and keeps tritium as an atom.
 */
final class TopologicalTorsionFingerprint extends HashedCountFingerprint {
    /** Built from a spec that {@link Descriptors#topologicalTorsions(int)} checked. */
    TopologicalTorsionFingerprint(int bits) {
        super("TT", bits);
    }

    @Override
    void codes(IAtomContainer mol, IntConsumer hash) {
        int n = mol.getAtomCount();
        int[] end = new int[n], middle = new int[n];
        for (int i = 0; i < n; i++) {
            end[i] = AtomPairFingerprint.atomType(mol, mol.getAtom(i), 1);
            middle[i] = AtomPairFingerprint.atomType(mol, mol.getAtom(i), 2);
        }
        LinearPaths.walk(mol, 3, (atoms, path, bonds) -> {
            if (bonds == 3) hash.accept(torsionHash(end[atoms[0]], middle[atoms[1]], middle[atoms[2]], end[atoms[3]]));
        });
    }

    /** The hash of a torsion a-b-c-d, read as d-c-b-a when that is the smaller code (RDKit's rule). */
    static int torsionHash(int a, int b, int c, int d) {
        if (a > d || (a == d && b > c)) return torsionHash(d, c, b, a);
        long code = ((long) a << 30) | ((long) b << 20) | ((long) c << 10) | d;
        return FingerprintHash.mix(FingerprintHash.combine(FingerprintHash.mix((int) code), (int) (code >>> 32)));
    }
}
