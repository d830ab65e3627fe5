package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * One descriptor class computed for one molecule at a time: the unit that fails, times out and is timed on its own.
 * Instances may keep state and are used by one thread at a time.
 */
interface MoleculeDescriptor {
    /** Short class name used as column prefix and in failures, e.g. "ALOGP". */
    String name();

    /** Column names, already prefixed with the class name. */
    String[] columns();

    /**
     * Writes {@code columns().length} values into {@code out} from {@code offset}. Returns null when all is well,
     * otherwise the reason some values are missing (they are NaN in {@code out}).
     */
    String compute(IAtomContainer molecule, double[] out, int offset) throws Exception;
}
