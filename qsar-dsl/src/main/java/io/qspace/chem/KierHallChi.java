package io.qspace.chem;

import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.qsar.AtomValenceTool;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kier-Hall chi indices (path 0-7, cluster 3-6, path/cluster 4-6, chain 3-7; simple and valence), with CDK's
 * definitions but without CDK's cost. CDK finds each subgraph shape by a separate isomorphism search (~163 ms per
 * drug-like molecule for the four classes); here every connected bond subset of up to 7 bonds is enumerated once
 * (ESU on the line graph) and sorted into the CDK class whose query shapes it matches.
 *
 * <p>What CDK's definition means, and we copy: a subgraph is a set of bonds; it counts for a class of order n when it
 * has n bonds and is isomorphic to one of that class's query graphs (the SMILES lists below, copied from CDK 2.12).
 * CDK's lists are not the textbook ones: ChiCluster order 6 includes a three-ring with three substituents, and
 * ChiChain lists only some ring shapes (e.g. order 5 lacks the three-ring with an ethyl). Chain order 3 is CDK's
 * SSSR three-rings, which is every three-ring in ordinary molecules. Each subgraph contributes
 * 1/sqrt(product of delta over its atoms), delta = heavy-atom degree (simple) or Kier-Hall valence delta
 * (Zv - H)/(Z - Zv - 1) with Zv = valence electrons - formal charge and the empirical S and P values CDK uses.
 */
final class KierHallChi implements MoleculeDescriptor {
    static final int MAX_BONDS = 7;

    // Slots of the 20 simple sums; the valence sums use the same slot + 20.
    private static final int PATH = 0, CLUSTER = 8, PATH_CLUSTER = 12, CHAIN = 15, SLOTS = 20;

    private static final String[][] CLUSTER_QUERIES = {
            {"C(C)(C)(C)"}, {"C(C)(C)(C)(C)"}, {"CC(C)C(C)(C)"}, {"C1(C)C(C)C1(C)", "CC(C)C(C)(C)C"}};
    private static final String[][] PATH_CLUSTER_QUERIES = {
            {"CC(C)CC"}, {"CC(C)CCC", "CC(C)(C)CC", "CCC(C)CC"},
            {"CC(C)(C)CCC", "CC(C)C(C)CC", "CC(C)CC(C)C", "CC(C)CCCC", "CCC(C)CCC", "CC(C)(CC)CC"}};
    private static final String[][] CHAIN_QUERIES = {
            {"C1CC1"},
            {"C1CCC1", "CC1CC1"},
            {"C1CCCC1", "CC1CCC1", "CC1CC1(C)"},
            {"CC1CCCC1", "CC1CC(C)C1", "CC1(C)(CCC1)", "CCC1CCC1", "C1CCCCC1", "CC1CCC1(C)", "CC1C(C)C1(C)",
                    "CCCC1CC1", "CCC1CC1(C)"},
            {"C1CCCCC1C", "C1CCCC1(C)(C)", "C1(C)C(C)CCC1", "C1(C)CC(C)CC1", "C1CCCC1(CC)", "C1(C)C(C)C(C)C1",
                    "C1CC(C)C1(CC)", "C1C(C)CC1(CC)", "C1CCC1(CCC)", "C1CCC1C(C)(C)", "C1CCC1(C)(CC)",
                    "C1CC(C)C1(C)(C)", "C1C(C)CC1(C)(C)", "C1(C)C(C)C1(CC)", "C1C(C)(C)C1(C)(C)", "C1CC1CCCC",
                    "C1C(C)C1(CCC)", "C1C(CC)C1(CC)", "C1C(C)C1C(C)(C)", "C1C(C)C1(C)(CC)", "C1CC1CC(C)(C)",
                    "C1CC1C(C)CC", "C1CC1C(C)(C)(C)"}};

    /** Shape code -> the slots (class and order) that shape counts for; paths are recognised without a code. */
    private static final Map<Long, int[]> SLOTS_BY_SHAPE = shapeTable();

    private static final String[] COLUMNS = columnNames();

    @Override public String name() { return "KierHallChi"; }

    @Override public String[] columns() { return COLUMNS.clone(); }

    static int columnCount() { return COLUMNS.length; }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) {
        HeavyAtomGraph g = new HeavyAtomGraph(mol);
        double[] sums = new Enumeration(g).run();
        // Column layout follows CDK: ChiPath SP, VP; ChiCluster SC, VC; ChiPathCluster SPC, VPC; ChiChain SCH, VCH.
        int o = offset;
        o = put(sums, PATH, 8, out, o);
        o = put(sums, CLUSTER, 4, out, o);
        o = put(sums, PATH_CLUSTER, 3, out, o);
        put(sums, CHAIN, 5, out, o);
        return g.valenceProblem;
    }

    private static int put(double[] sums, int slot, int count, double[] out, int o) {
        for (int i = 0; i < count; i++) out[o + i] = sums[slot + i];
        for (int i = 0; i < count; i++) out[o + count + i] = sums[SLOTS + slot + i];
        return o + 2 * count;
    }

    private static String[] columnNames() {
        List<String> names = new ArrayList<>();
        for (String v : new String[]{"S", "V"}) for (int i = 0; i <= 7; i++) names.add("ChiPath." + v + "P-" + i);
        for (String v : new String[]{"S", "V"}) for (int i = 3; i <= 6; i++) names.add("ChiCluster." + v + "C-" + i);
        for (String v : new String[]{"S", "V"}) for (int i = 4; i <= 6; i++) names.add("ChiPathCluster." + v + "PC-" + i);
        for (String v : new String[]{"S", "V"}) for (int i = 3; i <= 7; i++) names.add("ChiChain." + v + "CH-" + i);
        return names.toArray(String[]::new);
    }

    private static Map<Long, int[]> shapeTable() {
        SmilesParser sp = new SmilesParser(SilentChemObjectBuilder.getInstance());
        Map<Long, int[]> table = new HashMap<>();
        addAll(table, sp, CLUSTER_QUERIES, CLUSTER);
        addAll(table, sp, PATH_CLUSTER_QUERIES, PATH_CLUSTER);
        addAll(table, sp, CHAIN_QUERIES, CHAIN);
        return Map.copyOf(table);
    }

    private static void addAll(Map<Long, int[]> table, SmilesParser sp, String[][] queries, int firstSlot) {
        for (int order = 0; order < queries.length; order++) {
            for (String smiles : queries[order]) {
                IAtomContainer q;
                try {
                    q = sp.parseSmiles(smiles);
                } catch (InvalidSmilesException e) {
                    throw new IllegalStateException(smiles, e);
                }
                int[] from = new int[q.getBondCount()], to = new int[q.getBondCount()];
                for (int b = 0; b < from.length; b++) {
                    from[b] = q.indexOf(q.getBond(b).getBegin());
                    to[b] = q.indexOf(q.getBond(b).getEnd());
                }
                long code = SubgraphShape.code(q.getAtomCount(), from, to, from.length);
                int slot = firstSlot + order;
                int[] old = table.get(code);
                if (old == null) table.put(code, new int[]{slot});
                else if (Arrays.stream(old).noneMatch(s -> s == slot)) {
                    int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = slot;
                    table.put(code, grown);
                }
            }
        }
    }

    /** The hydrogen-depleted graph with per-atom simple and valence deltas. */
    static final class HeavyAtomGraph {
        final int atoms, bonds;
        final int[] begin, end;
        final int[][] bondNeighbours; // line graph: bonds sharing an atom
        final double[] delta, valenceDelta;
        String valenceProblem;

        HeavyAtomGraph(IAtomContainer mol) {
            int n = mol.getAtomCount();
            int[] index = new int[n];
            int heavy = 0;
            for (int i = 0; i < n; i++) index[i] = mol.getAtom(i).getAtomicNumber() == 1 ? -1 : heavy++;
            atoms = heavy;
            int[] hydrogens = new int[heavy];
            List<int[]> edges = new ArrayList<>();
            List<IBond> heavyBonds = new ArrayList<>();
            for (IBond b : mol.bonds()) {
                int x = index[mol.indexOf(b.getBegin())], y = index[mol.indexOf(b.getEnd())];
                if (x >= 0 && y >= 0) { edges.add(new int[]{x, y}); heavyBonds.add(b); }
                else if (x >= 0) hydrogens[x]++;
                else if (y >= 0) hydrogens[y]++;
            }
            bonds = edges.size();
            begin = new int[bonds];
            end = new int[bonds];
            int[] degree = new int[heavy];
            List<List<Integer>> bondsAt = new ArrayList<>();
            for (int a = 0; a < heavy; a++) bondsAt.add(new ArrayList<>());
            for (int b = 0; b < bonds; b++) {
                begin[b] = edges.get(b)[0];
                end[b] = edges.get(b)[1];
                degree[begin[b]]++;
                degree[end[b]]++;
                bondsAt.get(begin[b]).add(b);
                bondsAt.get(end[b]).add(b);
            }
            bondNeighbours = new int[bonds][];
            for (int b = 0; b < bonds; b++) {
                List<Integer> nb = new ArrayList<>();
                for (int c : bondsAt.get(begin[b])) if (c != b) nb.add(c);
                for (int c : bondsAt.get(end[b])) if (c != b) nb.add(c);
                bondNeighbours[b] = nb.stream().mapToInt(Integer::intValue).toArray();
            }
            delta = new double[heavy];
            valenceDelta = new double[heavy];
            for (int i = 0, a = 0; i < n; i++) {
                if (index[i] < 0) continue;
                IAtom atom = mol.getAtom(i);
                delta[a] = degree[a];
                Integer implicit = atom.getImplicitHydrogenCount();
                valenceDelta[a] = valenceDelta(mol, atom, (implicit == null ? 0 : implicit) + hydrogens[a]);
                a++;
            }
        }

        private double valenceDelta(IAtomContainer mol, IAtom atom, int hydrogens) {
            int z = atom.getAtomicNumber();
            if (z == 16) {
                double special = sulfur(mol, atom);
                if (special > 0) return special;
            } else if (z == 15) {
                double special = phosphorus(mol, atom);
                if (special > 0) return special;
            }
            int zv;
            try {
                zv = AtomValenceTool.getValence(atom) - (atom.getFormalCharge() == null ? 0 : atom.getFormalCharge());
            } catch (RuntimeException e) {
                valenceProblem = "no valence electron count for " + atom.getSymbol();
                return Double.NaN;
            }
            return (double) (zv - hydrogens) / (double) (z - zv - 1);
        }

        // Kier & Hall (1986) p. 20, as CDK applies it: S-S 0.89, S=O 1.33, O=S=O 2.67.
        private static double sulfur(IAtomContainer mol, IAtom s) {
            int doubleOxygens = 0;
            for (IBond b : mol.getConnectedBondsList(s)) {
                IAtom other = b.getOther(s);
                if (other.getAtomicNumber() == 16 && b.getOrder() == IBond.Order.SINGLE) return 0.89;
            }
            for (IBond b : mol.getConnectedBondsList(s)) {
                if (b.getOther(s).getAtomicNumber() == 8 && b.getOrder() == IBond.Order.DOUBLE) doubleOxygens++;
            }
            return doubleOxygens == 1 ? 1.33 : doubleOxygens == 2 ? 2.67 : -1;
        }

        // Phosphate-like P (four neighbours, P=O, the rest single) is 2.22, as in CDK.
        private static double phosphorus(IAtomContainer mol, IAtom p) {
            List<IBond> heavy = new ArrayList<>();
            for (IBond b : mol.getConnectedBondsList(p)) if (b.getOther(p).getAtomicNumber() != 1) heavy.add(b);
            int conditions = heavy.size() == 4 ? 1 : 0;
            for (IBond b : heavy) {
                if (b.getOther(p).getAtomicNumber() == 8 && b.getOrder() == IBond.Order.DOUBLE) conditions++;
                if (b.getOrder() == IBond.Order.SINGLE) conditions++;
            }
            return conditions == 5 ? 2.22 : -1;
        }
    }

    /** ESU (Wernicke 2006) over bonds: visits every connected bond set of 1..7 bonds exactly once. */
    private static final class Enumeration {
        private final HeavyAtomGraph g;
        private final double[] sums = new double[2 * SLOTS];
        private final int[] chosen = new int[MAX_BONDS];
        private int size;
        private final int[] closedCount; // how many chosen bonds have this bond in their closed neighbourhood
        private final int[] atomUse;     // chosen bonds at each atom
        private final int[] atomStack = new int[MAX_BONDS + 1];
        private int atomCount;
        private final int[] localIndex;
        private final int[] from = new int[MAX_BONDS], to = new int[MAX_BONDS];

        Enumeration(HeavyAtomGraph g) {
            this.g = g;
            closedCount = new int[g.bonds];
            atomUse = new int[g.atoms];
            localIndex = new int[g.atoms];
        }

        double[] run() {
            for (int a = 0; a < g.atoms; a++) addTerm(PATH, g.delta[a], g.valenceDelta[a]);
            int[] ext = new int[64];
            for (int root = 0; root < g.bonds; root++) {
                int len = 0;
                for (int u : g.bondNeighbours[root]) if (u > root) { if (len == ext.length) ext = Arrays.copyOf(ext, len * 2); ext[len++] = u; }
                add(root);
                extend(root, ext, len);
                remove(root);
            }
            return sums;
        }

        private void extend(int root, int[] ext, int len) {
            visit();
            if (size == MAX_BONDS) return;
            while (len > 0) {
                int w = ext[--len];
                int[] next = new int[len + g.bondNeighbours[w].length];
                System.arraycopy(ext, 0, next, 0, len);
                int nextLen = len;
                for (int u : g.bondNeighbours[w]) if (u > root && closedCount[u] == 0) next[nextLen++] = u;
                add(w);
                extend(root, next, nextLen);
                remove(w);
            }
        }

        private void add(int b) {
            chosen[size++] = b;
            closedCount[b]++;
            for (int u : g.bondNeighbours[b]) closedCount[u]++;
            if (atomUse[g.begin[b]]++ == 0) atomStack[atomCount++] = g.begin[b];
            if (atomUse[g.end[b]]++ == 0) atomStack[atomCount++] = g.end[b];
        }

        private void remove(int b) {
            size--;
            closedCount[b]--;
            for (int u : g.bondNeighbours[b]) closedCount[u]--;
            // Atoms are released in the reverse order they were claimed, so the stack stays consistent.
            if (--atomUse[g.end[b]] == 0) atomCount--;
            if (--atomUse[g.begin[b]] == 0) atomCount--;
        }

        private void visit() {
            int rings = size - atomCount + 1;
            if (rings > 1) return;
            double simple = 1, valence = 1;
            int maxDegree = 0;
            for (int i = 0; i < atomCount; i++) {
                int a = atomStack[i];
                simple *= g.delta[a];
                valence *= g.valenceDelta[a];
                maxDegree = Math.max(maxDegree, atomUse[a]);
            }
            if (rings == 0 && maxDegree <= 2) {
                addProduct(PATH + size, simple, valence);
                return;
            }
            if (size < 3) return;
            for (int i = 0; i < atomCount; i++) localIndex[atomStack[i]] = i;
            for (int i = 0; i < size; i++) {
                from[i] = localIndex[g.begin[chosen[i]]];
                to[i] = localIndex[g.end[chosen[i]]];
            }
            int[] slots = SLOTS_BY_SHAPE.get(SubgraphShape.code(atomCount, from, to, size));
            if (slots == null) return;
            for (int slot : slots) addProduct(slot, simple, valence);
        }

        private void addTerm(int slot, double simpleDelta, double valenceDelta) {
            addProduct(slot, simpleDelta, valenceDelta);
        }

        // CDK skips a subgraph whose product is zero (isolated atoms) rather than adding infinity.
        private void addProduct(int slot, double simple, double valence) {
            if (simple != 0) sums[slot] += 1 / Math.sqrt(simple);
            if (valence != 0) sums[SLOTS + slot] += 1 / Math.sqrt(valence);
        }
    }
}
