package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Every linear path of a molecule's heavy atoms (no atom twice) of 1 to {@code maxBonds} bonds, each visited once:
 * from its end with the lower atom index. The walk behind {@link PathFingerprint} (all lengths) and
 * {@link TopologicalTorsionFingerprint} (3 bonds).
 */
final class LinearPaths {
    /** One path: {@code atoms[0..bonds]} (atom indices) joined by {@code path[0..bonds-1]}; the arrays are reused. */
    interface Visitor {
        void path(int[] atoms, IBond[] path, int bonds);
    }

    private final int maxBonds;
    private final int[][] neighbours;
    private final IBond[][] bondTo;
    private final boolean[] onPath;
    private final int[] atoms;
    private final IBond[] path;

    private LinearPaths(IAtomContainer mol, int maxBonds) {
        this.maxBonds = maxBonds;
        int n = mol.getAtomCount();
        neighbours = new int[n][];
        bondTo = new IBond[n][];
        for (int i = 0; i < n; i++) {
            IAtom atom = mol.getAtom(i);
            if (Molecules.isHydrogen(atom)) {
                neighbours[i] = new int[0];
                bondTo[i] = new IBond[0];
                continue;
            }
            var bonds = mol.getConnectedBondsList(atom).stream()
                    .filter(b -> !Molecules.isHydrogen(b.getOther(atom))).toList();
            neighbours[i] = new int[bonds.size()];
            bondTo[i] = new IBond[bonds.size()];
            for (int k = 0; k < bonds.size(); k++) {
                neighbours[i][k] = mol.indexOf(bonds.get(k).getOther(atom));
                bondTo[i][k] = bonds.get(k);
            }
        }
        onPath = new boolean[n];
        atoms = new int[maxBonds + 1];
        path = new IBond[maxBonds];
    }

    /** Visits the paths of 1 to {@code maxBonds} bonds. */
    static void walk(IAtomContainer mol, int maxBonds, Visitor visitor) {
        LinearPaths walk = new LinearPaths(mol, maxBonds);
        for (int start = 0; start < walk.neighbours.length; start++) {
            walk.atoms[0] = start;
            walk.onPath[start] = true;
            walk.extend(1, visitor);
            walk.onPath[start] = false;
        }
    }

    private void extend(int bonds, Visitor visitor) {
        int last = atoms[bonds - 1];
        for (int k = 0; k < neighbours[last].length; k++) {
            int next = neighbours[last][k];
            if (onPath[next]) continue;
            atoms[bonds] = next;
            path[bonds - 1] = bondTo[last][k];
            if (atoms[0] < next) visitor.path(atoms, path, bonds);
            if (bonds < maxBonds) {
                onPath[next] = true;
                extend(bonds + 1, visitor);
                onPath[next] = false;
            }
        }
    }
}
