package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.ringsearch.RingSearch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.qspace.chem.FingerprintHash.combine;

/**
 * Morgan (ECFP-like) count fingerprint as RDKit computes it, folded to a fixed length. Radius 0: each heavy atom's
 * invariant (element, neighbours including hydrogens, hydrogens, formal charge, mass number when given, ring
 * membership). Each further radius: an atom's invariant hashed with its sorted (bond type, neighbour's invariant)
 * pairs, the environment being the set of bonds it covers; an environment whose bond set was met before (at this or
 * a smaller radius, from any atom) is dropped and its atom grows no further. Every kept environment counts once in
 * the column of its hashed invariant.
 *
 * <p>It differs from CDK's CircularFingerprinter ({@link CircularFingerprint}), which drops an environment whose
 * <em>atom</em> set was met before: at radius 2 every atom of a five-membered ring covers the whole ring, so CDK keeps
 * one of the five environments where RDKit (and this class) keeps the five distinct bond sets. On MoleculeACE's
 * CHEMBL4792_Ki the two partitions of environments differ on 1,016 of 1,471 molecules. The hash is this class's own,
 * so columns are not RDKit's bit for bit.
 */
final class MorganFingerprint implements MoleculeDescriptor {
    private final int radius, bits;
    private final String[] columns;

    /** Built from a spec that {@link Descriptors#morgan} checked. */
    MorganFingerprint(int radius, int bits) {
        this.radius = checkedRadius(radius);
        this.bits = bits;
        columns = new String[bits];
        for (int i = 0; i < bits; i++) columns[i] = name() + "." + i;
    }

    static int checkedRadius(int radius) {
        if (radius < 0 || radius > 4) throw new IllegalArgumentException("Morgan radius must be 0 to 4, not " + radius);
        return radius;
    }

    @Override public String name() { return "Morgan" + radius; }

    @Override public String[] columns() { return columns.clone(); }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) {
        Arrays.fill(out, offset, offset + bits, 0);
        for (int code : environments(mol, radius)) {
            out[offset + FingerprintHash.column(code, bits)]++;
        }
        return null;
    }

    /** The hashed invariants of the kept environments of radius 0 to {@code radius}, one entry per environment. */
    static List<Integer> environments(IAtomContainer mol, int radius) {
        int n = mol.getAtomCount();
        boolean[] heavy = new boolean[n];
        for (int i = 0; i < n; i++) heavy[i] = !isHydrogen(mol.getAtom(i));
        RingSearch rings = new RingSearch(mol);
        int[] invariant = new int[n];
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!heavy[i]) continue;
            invariant[i] = atomInvariant(mol, mol.getAtom(i), rings.cyclic(i));
            found.add(invariant[i]);
        }
        BitSet[] covered = new BitSet[n];
        for (int i = 0; i < n; i++) covered[i] = new BitSet();
        boolean[] dead = new boolean[n];
        Set<BitSet> seen = new HashSet<>();
        for (int layer = 0; layer < radius; layer++) {
            int[] next = invariant.clone();
            BitSet[] grown = new BitSet[n];
            List<long[]> round = new ArrayList<>(); // {invariant (unsigned), atom}
            for (int i = 0; i < n; i++) {
                grown[i] = covered[i];
                if (!heavy[i] || dead[i]) continue;
                IAtom atom = mol.getAtom(i);
                BitSet bonds = (BitSet) covered[i].clone();
                List<long[]> neighbours = new ArrayList<>();
                for (IBond bond : mol.getConnectedBondsList(atom)) {
                    int j = bond.getOther(atom).getIndex();
                    if (!heavy[j]) continue;
                    bonds.set(bond.getIndex());
                    bonds.or(covered[j]);
                    neighbours.add(new long[] {bondType(bond), Integer.toUnsignedLong(invariant[j])});
                }
                neighbours.sort(Arrays::compare); // by bond type, then invariant
                int h = combine(layer, invariant[i]);
                for (long[] nb : neighbours) h = combine(combine(h, (int) nb[0]), (int) nb[1]);
                next[i] = h;
                grown[i] = bonds;
                round.add(new long[] {Integer.toUnsignedLong(h), i});
            }
            // of environments covering the same bonds, the one with the smallest invariant is kept, as in RDKit
            round.sort(Arrays::compare); // by invariant, then atom
            for (long[] r : round) {
                int i = (int) r[1];
                if (seen.add(grown[i])) {
                    found.add(next[i]);
                } else {
                    dead[i] = true;
                }
            }
            invariant = next;
            covered = grown;
        }
        return found;
    }

    private static boolean isHydrogen(IAtom atom) {
        return atom.getAtomicNumber() != null && atom.getAtomicNumber() == 1;
    }

    /** RDKit's connectivity invariants: element, degree and hydrogens (implicit or drawn), charge, isotope, ring. */
    private static int atomInvariant(IAtomContainer mol, IAtom atom, boolean inRing) {
        int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
        int degree = hydrogens;
        for (IAtom other : mol.getConnectedAtomsList(atom)) {
            degree++;
            if (isHydrogen(other)) hydrogens++;
        }
        int h = combine(0, atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber());
        h = combine(h, degree);
        h = combine(h, hydrogens);
        h = combine(h, atom.getFormalCharge() == null ? 0 : atom.getFormalCharge());
        h = combine(h, atom.getMassNumber() == null ? 0 : atom.getMassNumber());
        return inRing ? combine(h, 1) : h;
    }

    /** Single 1, double 2, triple 3, aromatic 12 (RDKit's codes). */
    private static int bondType(IBond bond) {
        if (bond.isAromatic()) return 12;
        return bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET ? 0 : bond.getOrder().numeric();
    }
}
