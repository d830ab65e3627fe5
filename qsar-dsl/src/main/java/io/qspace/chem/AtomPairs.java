package io.qspace.chem;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.AtomPairs2DFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Atom-pair counts from CDK's AtomPairs2DFingerprinter (PaDEL's AP2D): one column per topological distance 1..10 and
 * unordered pair of atom types, its value the number of such pairs. CDK's own count fingerprint of this class fails on
 * keys it did not list; its raw counts name each mixed pair in both orders and count each pair of one type twice
 * (as ordered pairs). They are read here once per unordered pair, into columns in a fixed order.
 */
final class AtomPairs implements MoleculeDescriptor {
    /** CDK's AP2D atom types, in its order; X is any halogen. */
    static final List<String> TYPES = List.of("C", "N", "O", "S", "P", "F", "Cl", "Br", "I", "B", "Si", "X");
    static final int MAX_DISTANCE = 10;

    private final AtomPairs2DFingerprinter fingerprinter = new AtomPairs2DFingerprinter();
    private final String[] keys;
    private final boolean[] sameTypes;
    private final String[] columns;

    AtomPairs() {
        List<String> k = new ArrayList<>();
        for (int d = 1; d <= MAX_DISTANCE; d++) {
            for (int a = 0; a < TYPES.size(); a++) {
                for (int b = a; b < TYPES.size(); b++) k.add(d + "_" + TYPES.get(a) + "_" + TYPES.get(b));
            }
        }
        keys = k.toArray(String[]::new);
        sameTypes = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String[] p = keys[i].split("_");
            sameTypes[i] = p[1].equals(p[2]);
        }
        columns = k.stream().map(key -> "AP2D." + key).toArray(String[]::new);
    }

    @Override public String name() { return "AP2D"; }

    @Override public String[] columns() { return columns.clone(); }

    @Override
    public String compute(IAtomContainer mol, double[] out, int offset) throws CDKException {
        Arrays.fill(out, offset, offset + keys.length, 0);
        Map<String, Integer> raw = fingerprinter.getRawFingerprint(mol);
        for (int i = 0; i < keys.length; i++) {
            Integer count = raw.get(keys[i]);
            if (count == null) {
                String[] p = keys[i].split("_");
                count = raw.get(p[0] + "_" + p[2] + "_" + p[1]);
            }
            if (count != null) out[offset + i] = sameTypes[i] ? count / 2 : count;
        }
        return null;
    }
}
