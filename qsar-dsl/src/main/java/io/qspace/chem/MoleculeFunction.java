package io.qspace.chem;

import java.io.Serializable;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * A descriptor written by a chemist: the values of its columns for one molecule, parsed and prepared (atom types,
 * implicit hydrogens, aromaticity) as qspace's own descriptors see it. A lambda will do; it runs wherever the study
 * runs, a grid member included, and its code is part of the identity of the descriptors it computes.
 */
@FunctionalInterface
public interface MoleculeFunction extends Serializable {
    /** One value per column, in the columns' order; NaN where a value does not exist for this molecule. */
    double[] compute(IAtomContainer molecule) throws Exception;
}
