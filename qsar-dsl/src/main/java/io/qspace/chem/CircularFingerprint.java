package io.qspace.chem;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.fingerprint.ICountFingerprint;
import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.Arrays;

/**
 * ECFP, or FCFP with functional-class atom types (Rogers and Hahn 2010), from CDK's CircularFingerprinter, folded to a
 * fixed length. Counts are folded with the
 * same modulo CDK uses for its bit fingerprint, so a count is nonzero exactly where CDK sets a bit.
 * CircularFingerprinter is not thread-safe: each instance of this class owns one.
 */
final class CircularFingerprint implements MoleculeDescriptor {
    private final int diameter, bits;
    private final boolean counts, functional;
    private final CircularFingerprinter fingerprinter;
    private final String[] columns;

    CircularFingerprint(int diameter, int bits, boolean counts) {
        this(diameter, bits, counts, false);
    }

    /** @param functional FCFP (functional classes: donor, acceptor, aromatic, ...) rather than ECFP atom types */
    CircularFingerprint(int diameter, int bits, boolean counts, boolean functional) {
        this.diameter = diameter;
        this.bits = bits;
        this.counts = counts;
        this.functional = functional;
        this.fingerprinter = new CircularFingerprinter(functional ? functionalClassFor(diameter) : classFor(diameter),
                bits);
        columns = new String[bits];
        for (int i = 0; i < bits; i++) columns[i] = name() + "." + i;
    }

    static int classFor(int diameter) {
        return switch (diameter) {
            case 0 -> CircularFingerprinter.CLASS_ECFP0;
            case 2 -> CircularFingerprinter.CLASS_ECFP2;
            case 4 -> CircularFingerprinter.CLASS_ECFP4;
            case 6 -> CircularFingerprinter.CLASS_ECFP6;
            default -> throw new IllegalArgumentException("ECFP diameter must be 0, 2, 4 or 6, not " + diameter);
        };
    }

    static int functionalClassFor(int diameter) {
        return switch (diameter) {
            case 0 -> CircularFingerprinter.CLASS_FCFP0;
            case 2 -> CircularFingerprinter.CLASS_FCFP2;
            case 4 -> CircularFingerprinter.CLASS_FCFP4;
            case 6 -> CircularFingerprinter.CLASS_FCFP6;
            default -> throw new IllegalArgumentException("FCFP diameter must be 0, 2, 4 or 6, not " + diameter);
        };
    }

    @Override public String name() { return (functional ? "FCFP" : "ECFP") + diameter; }

    @Override public String[] columns() { return columns.clone(); }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) throws CDKException {
        Arrays.fill(out, offset, offset + bits, 0);
        ICountFingerprint fp = fingerprinter.getCountFingerprint(mol);
        for (int i = 0; i < fp.numOfPopulatedbins(); i++) {
            int bin = (int) (Integer.toUnsignedLong(fp.getHash(i)) % bits);
            if (counts) out[offset + bin] += fp.getCount(i);
            else out[offset + bin] = 1;
        }
        return null;
    }
}
