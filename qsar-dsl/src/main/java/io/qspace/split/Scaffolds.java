package io.qspace.split;

import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Bemis-Murcko scaffolds: the ring systems and the chains linking them, with atom and bond types kept (not the
 * generic framework). Found by repeatedly pruning atoms with at most one neighbour, which removes side chains and
 * exocyclic atoms (so a ring C=O becomes CH2, unlike RDKit, which keeps exocyclic double bonds). Stereo is ignored.
 */
public final class Scaffolds {
    private Scaffolds() {}

    /** Scaffold SMILES for each SMILES, in order: "" for acyclic or unreadable molecules. */
    public static List<String> of(List<String> smiles) {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        SmilesGenerator writer = new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols);
        List<String> out = new ArrayList<>(smiles.size());
        for (String s : smiles) {
            try {
                out.add(scaffold(parser.parseSmiles(s), writer));
            } catch (CDKException | RuntimeException e) {
                out.add("");
            }
        }
        return out;
    }

    static String scaffold(IAtomContainer molecule, SmilesGenerator writer) throws CDKException {
        int n = molecule.getAtomCount();
        int[] degree = new int[n];
        boolean[] removed = new boolean[n];
        int[] extraHydrogens = new int[n];
        for (IBond bond : molecule.bonds()) {
            degree[bond.getBegin().getIndex()]++;
            degree[bond.getEnd().getIndex()]++;
        }
        // Peel leaves until none is left: what remains is rings plus the paths between them.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (!removed[i] && degree[i] <= 1) {
                    removed[i] = true;
                    changed = true;
                    for (IAtom neighbour : molecule.getConnectedAtomsList(molecule.getAtom(i))) {
                        int j = neighbour.getIndex();
                        if (!removed[j]) {
                            degree[j]--;
                            extraHydrogens[j] += molecule.getBond(molecule.getAtom(i), neighbour).getOrder().numeric();
                        }
                    }
                }
            }
        }
        IAtomContainer scaffold = molecule.getBuilder().newAtomContainer();
        for (int i = 0; i < n; i++) {
            if (!removed[i]) {
                IAtom atom = molecule.getAtom(i);
                Integer h = atom.getImplicitHydrogenCount();
                // A substituent's place becomes a hydrogen, so analogues give the same scaffold string.
                atom.setImplicitHydrogenCount((h == null ? 0 : h) + extraHydrogens[i]);
                atom.setFormalCharge(atom.getFormalCharge());
                scaffold.addAtom(atom);
            }
        }
        if (scaffold.getAtomCount() == 0) {
            return "";
        }
        for (IBond bond : molecule.bonds()) {
            if (!removed[bond.getBegin().getIndex()] && !removed[bond.getEnd().getIndex()]) {
                scaffold.addBond(bond);
            }
        }
        return writer.create(scaffold);
    }
}
