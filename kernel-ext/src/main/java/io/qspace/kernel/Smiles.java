package io.qspace.kernel;

import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

import java.util.Objects;

/**
 * A SMILES string as a notebook value: {@code Smiles.of("c1ccccc1O")} shows as the molecule's depiction.
 * Parsing is eager so a typo fails in the cell that wrote it, not later in a renderer.
 */
public record Smiles(String smiles, IAtomContainer molecule) {

    public Smiles {
        Objects.requireNonNull(smiles, "smiles");
        Objects.requireNonNull(molecule, "molecule");
    }

    public static Smiles of(String smiles) {
        Objects.requireNonNull(smiles, "smiles");
        try {
            SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
            return new Smiles(smiles, parser.parseSmiles(smiles));
        } catch (InvalidSmilesException e) {
            throw new IllegalArgumentException("invalid SMILES '" + smiles + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return smiles;
    }
}
