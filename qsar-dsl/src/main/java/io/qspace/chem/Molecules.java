package io.qspace.chem;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.CDKHydrogenAdder;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Turns SMILES into molecules ready for descriptors: atom types, implicit hydrogens, aromaticity. Nothing more,
 * because each extra step costs on every molecule (MEASURED.md: explicit hydrogens add ~69 us and changed no value).
 */
public final class Molecules {
    // SmilesParser keeps state while parsing: one per thread.
    private static final ThreadLocal<SmilesParser> PARSER =
            ThreadLocal.withInitial(() -> new SmilesParser(SilentChemObjectBuilder.getInstance()));
    // Daylight model over all rings up to size 6 plus the whole ring set: CDK's recommended setting.
    private static final Aromaticity AROMATICITY =
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));

    private Molecules() {}

    /** Parses and prepares one molecule; throws CDKException with the reason when it cannot. */
    public static IAtomContainer parse(String smiles) throws CDKException {
        if (smiles == null || smiles.isBlank()) throw new CDKException("empty SMILES");
        IAtomContainer mol = PARSER.get().parseSmiles(smiles.trim());
        prepare(mol);
        return mol;
    }

    /** Whether the atom is a hydrogen drawn as an atom (one of unknown element is not): fingerprints skip these. */
    static boolean isHydrogen(IAtom atom) {
        return atom.getAtomicNumber() != null && atom.getAtomicNumber() == 1;
    }

    /** Atom typing, implicit hydrogens where missing, aromaticity; in place. */
    public static void prepare(IAtomContainer mol) throws CDKException {
        AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(mol);
        CDKHydrogenAdder.getInstance(mol.getBuilder()).addImplicitHydrogens(mol);
        AROMATICITY.apply(mol);
    }
}
