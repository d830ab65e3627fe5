package io.qspace.chem;

import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IRingSet;

import java.util.Arrays;

/**
 * MQN-style counts (after Nguyen et al. 2009, Molecular Quantum Numbers): atoms by element and environment, bonds by
 * type, rings by size, topological polarity. Plain integer counts a chemist can read off a structure, at a few
 * microseconds per molecule; they add variety CDK's cheap classes lack (e.g. ring sizes, fused-ring atoms).
 */
final class MoleculeCounts implements MoleculeDescriptor {
    private static final String[] NAMES = {
            "C", "N", "O", "S", "P", "F", "Cl", "Br", "I", "B",
            "heavyAtoms", "hydrogens", "positiveAtoms", "negativeAtoms",
            "acyclicSingleBonds", "acyclicDoubleBonds", "acyclicTripleBonds", "cyclicSingleBonds", "cyclicDoubleBonds",
            "aromaticBonds", "ringBonds",
            "hydrogenBondAcceptorSites", "hydrogenBondAcceptorAtoms", "hydrogenBondDonorSites", "hydrogenBondDonorAtoms",
            "acyclicDegree1", "acyclicDegree2", "acyclicDegree3", "acyclicDegree4",
            "cyclicDegree2", "cyclicDegree3", "cyclicDegree4",
            "rings3", "rings4", "rings5", "rings6", "rings7", "rings8", "rings9plus",
            "fusedRingAtoms", "fusedRingBonds", "ringHeteroAtoms", "aromaticHeteroAtoms", "acyclicHeteroAtoms",
            "aromaticCarbons", "sp3Carbons", "ringSystems"};
    private static final String[] COLUMNS = Arrays.stream(NAMES).map(n -> "Counts." + n).toArray(String[]::new);

    @Override public String name() { return "Counts"; }

    @Override public String[] columns() { return COLUMNS.clone(); }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) {
        double[] v = new double[NAMES.length];
        IRingSet sssr = Cycles.sssr(mol).toRingSet();
        int[] ringsPerAtom = new int[mol.getAtomCount()];
        int[] ringsPerBond = new int[mol.getBondCount()];
        for (IAtomContainer ring : sssr.atomContainers()) {
            int size = ring.getAtomCount();
            v[32 + Math.min(size, 9) - 3]++;
            for (IAtom a : ring.atoms()) ringsPerAtom[mol.indexOf(a)]++;
            for (IBond b : ring.bonds()) ringsPerBond[mol.indexOf(b)]++;
        }
        for (IAtom a : mol.atoms()) {
            int z = a.getAtomicNumber();
            int h = a.getImplicitHydrogenCount() == null ? 0 : a.getImplicitHydrogenCount();
            if (z == 1) { v[11]++; continue; }
            v[10]++;
            v[11] += h;
            int element = switch (z) {
                case 6 -> 0; case 7 -> 1; case 8 -> 2; case 16 -> 3; case 15 -> 4; case 9 -> 5; case 17 -> 6;
                case 35 -> 7; case 53 -> 8; case 5 -> 9; default -> -1;
            };
            if (element >= 0) v[element]++;
            int charge = a.getFormalCharge() == null ? 0 : a.getFormalCharge();
            if (charge > 0) v[12]++;
            if (charge < 0) v[13]++;
            int heavyDegree = 0;
            for (IAtom n : mol.getConnectedAtomsList(a)) if (n.getAtomicNumber() != 1) heavyDegree++; else h++;
            boolean inRing = ringsPerAtom[mol.indexOf(a)] > 0;
            boolean hetero = z != 6;
            // Acceptor and donor sites as MQN counts them: lone-pair-bearing N and O; N-H and O-H hydrogens.
            if ((z == 7 || z == 8) && charge <= 0) { v[21] += z == 8 ? 2 : 1; v[22]++; }
            if ((z == 7 || z == 8) && h > 0) { v[23] += h; v[24]++; }
            if (!inRing && heavyDegree >= 1) v[25 + Math.min(heavyDegree, 4) - 1]++;
            if (inRing && heavyDegree >= 2) v[29 + Math.min(heavyDegree, 4) - 2]++;
            if (ringsPerAtom[mol.indexOf(a)] > 1) v[39]++;
            if (inRing && hetero) v[41]++;
            if (a.isAromatic() && hetero) v[42]++;
            if (!inRing && hetero) v[43]++;
            if (z == 6 && a.isAromatic()) v[44]++;
            if (z == 6 && a.getHybridization() == IAtomType_SP3) v[45]++;
        }
        for (IBond b : mol.bonds()) {
            if (b.getBegin().getAtomicNumber() == 1 || b.getEnd().getAtomicNumber() == 1) continue;
            boolean ring = ringsPerBond[mol.indexOf(b)] > 0;
            IBond.Order order = b.getOrder();
            if (b.isAromatic()) v[19]++;
            else if (!ring && order == IBond.Order.SINGLE) v[14]++;
            else if (!ring && order == IBond.Order.DOUBLE) v[15]++;
            else if (!ring && order == IBond.Order.TRIPLE) v[16]++;
            else if (ring && order == IBond.Order.SINGLE) v[17]++;
            else if (ring && order == IBond.Order.DOUBLE) v[18]++;
            if (ring) v[20]++;
            if (ringsPerBond[mol.indexOf(b)] > 1) v[40]++;
        }
        v[46] = ringSystems(mol, ringsPerBond);
        System.arraycopy(v, 0, out, offset, v.length);
        return null;
    }

    private static final org.openscience.cdk.interfaces.IAtomType.Hybridization IAtomType_SP3 =
            org.openscience.cdk.interfaces.IAtomType.Hybridization.SP3;

    /** Ring systems: groups of rings connected through shared (fused or spiro) atoms. */
    private static int ringSystems(IAtomContainer mol, int[] ringsPerBond) {
        int n = mol.getAtomCount();
        int[] parent = new int[n];
        boolean[] ringAtom = new boolean[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (IBond b : mol.bonds()) {
            if (ringsPerBond[mol.indexOf(b)] == 0) continue;
            int x = mol.indexOf(b.getBegin()), y = mol.indexOf(b.getEnd());
            ringAtom[x] = ringAtom[y] = true;
            parent[find(parent, x)] = find(parent, y);
        }
        int systems = 0;
        for (int i = 0; i < n; i++) if (ringAtom[i] && find(parent, i) == i) systems++;
        return systems;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
}
