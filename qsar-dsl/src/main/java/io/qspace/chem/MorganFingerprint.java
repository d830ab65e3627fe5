package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.ringsearch.RingSearch;
import org.openscience.cdk.smarts.SmartsPattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

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
 *
 * <p>With {@code features} (RDKit's {@code useFeatures}, the FCFP of the Morgan family) an atom's radius-0 invariant
 * is instead which of RDKit's six pharmacophoric roles it plays, a bit each: donor, acceptor, aromatic, halogen,
 * basic, acidic (RDKit's patterns, after Gobbi and Poppinger 1998); a plain aliphatic carbon is 0. Growth is the same.
 */
final class MorganFingerprint extends HashedCountFingerprint {
    /** RDKit's default feature definitions for Morgan feature invariants, in its bit order. */
    private static final String[] FEATURE_SMARTS = {
            "[$([N;!H0;v3,v4&+1]),$([O,S;H1;+0]),n&H1&+0]", // donor
            "[$([O,S;H1;v2;!$(*-*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=[O,N,P,S])]),n&H0&+0,"
                    + "$([o,s;+0;!$([o,s]:n);!$([o,s]:c:n)])]", // acceptor
            "[a]", // aromatic
            "[F,Cl,Br,I]", // halogen
            "[#7;+,$([N;H2&+0][$([C,a]);!$([C,a](=O))]),$([N;H1&+0]([$([C,a]);!$([C,a](=O))])[$([C,a]);!$([C,a](=O))]),"
                    + "$([N;H0&+0]([C;!$(C(=O))])([C;!$(C(=O))])[C;!$(C(=O))])]", // basic
            "[$([C,S](=[O,S,P])-[O;H1,-1])]"}; // acidic
    /** Compiled per thread; matched without CDK's preparation, so the molecule's rings and aromaticity stay as set. */
    private static final ThreadLocal<SmartsPattern[]> FEATURE_PATTERNS = ThreadLocal.withInitial(() -> {
        SmartsPattern[] patterns = new SmartsPattern[FEATURE_SMARTS.length];
        for (int f = 0; f < patterns.length; f++) patterns[f] = SmartsPattern.create(FEATURE_SMARTS[f]).setPrepare(false);
        return patterns;
    });

    private final int radius;
    private final boolean features;

    /** Built from a spec that {@link Descriptors#morgan} or {@link Descriptors#featureMorgan} checked. */
    MorganFingerprint(int radius, int bits, boolean features) {
        super((features ? "FeatureMorgan" : "Morgan") + checkedRadius(radius), bits);
        this.radius = radius;
        this.features = features;
    }

    static int checkedRadius(int radius) {
        if (radius < 0 || radius > 4) throw new IllegalArgumentException("Morgan radius must be 0 to 4, not " + radius);
        return radius;
    }

    @Override
    void codes(IAtomContainer mol, IntConsumer hash) {
        for (int code : environments(mol, radius, features)) hash.accept(code);
    }

    /**
     * The hashed invariants of the kept environments of radius 0 to {@code radius}, one entry per environment, from
     * connectivity or (with {@code features}) feature invariants.
     */
    static List<Integer> environments(IAtomContainer mol, int radius, boolean features) {
        int n = mol.getAtomCount();
        boolean[] heavy = new boolean[n];
        for (int i = 0; i < n; i++) heavy[i] = !Molecules.isHydrogen(mol.getAtom(i));
        int[] invariant = features ? featureInvariants(mol) : connectivityInvariants(mol, heavy);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (heavy[i]) found.add(invariant[i]);
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

    /** Per heavy atom, RDKit's connectivity invariant (0 for hydrogens). */
    private static int[] connectivityInvariants(IAtomContainer mol, boolean[] heavy) {
        int[] invariant = new int[heavy.length];
        RingSearch rings = new RingSearch(mol);
        for (int i = 0; i < heavy.length; i++) {
            if (heavy[i]) invariant[i] = atomInvariant(mol, mol.getAtom(i), rings.cyclic(i));
        }
        return invariant;
    }

    /** RDKit's connectivity invariants: element, degree and hydrogens (implicit or drawn), charge, isotope, ring. */
    private static int atomInvariant(IAtomContainer mol, IAtom atom, boolean inRing) {
        int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
        int degree = hydrogens;
        for (IAtom other : mol.getConnectedAtomsList(atom)) {
            degree++;
            if (Molecules.isHydrogen(other)) hydrogens++;
        }
        int h = combine(0, atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber());
        h = combine(h, degree);
        h = combine(h, hydrogens);
        h = combine(h, atom.getFormalCharge() == null ? 0 : atom.getFormalCharge());
        h = combine(h, atom.getMassNumber() == null ? 0 : atom.getMassNumber());
        return inRing ? combine(h, 1) : h;
    }

    /** Per atom, RDKit's feature invariant: bit f set when the atom matches feature pattern f. */
    static int[] featureInvariants(IAtomContainer mol) {
        int[] invariant = new int[mol.getAtomCount()];
        SmartsPattern[] patterns = FEATURE_PATTERNS.get();
        for (int f = 0; f < patterns.length; f++) {
            for (int[] match : patterns[f].matchAll(mol)) invariant[match[0]] |= 1 << f;
        }
        return invariant;
    }

    /** Single 1, double 2, triple 3, aromatic 12 (RDKit's codes). */
    private static int bondType(IBond bond) {
        if (bond.isAromatic()) return 12;
        return bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET ? 0 : bond.getOrder().numeric();
    }
}
