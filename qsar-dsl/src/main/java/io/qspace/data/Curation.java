package io.qspace.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Turns input structures into one canonical SMILES per parent compound, and merges rows that describe the same compound.
 *
 * <p>Steps, per structure: parse; keep the largest fragment by heavy atoms (drops counter-ions and solvents; the first
 * wins a tie); neutralise common charges (protonated amines, carboxylates, phenolates and other [O-], [S-], [N-]) unless
 * the charged atom sits next to an opposite charge, which leaves nitro groups, N-oxides and other zwitterions alone,
 * as well as quaternary N+ (no hydrogen to remove); perceive aromaticity with the Daylight model; write canonical SMILES
 * with aromatic symbols and <b>with stereo</b> (CDK's canonical SMILES includes tetrahedral and double-bond stereo at
 * little cost, and stereoisomers often differ in activity; isotopes are dropped).
 *
 * <p>Thread-safety: CDK's parser and generator are not documented as thread-safe, so each thread keeps its own.
 * The output depends only on the input, never on the number of threads.
 */
public final class Curation {
    private Curation() {}

    /** Differences in activity above this many log units between duplicates are flagged. */
    static final double DUPLICATE_DISAGREEMENT = 1.0;

    private static final ThreadLocal<SmilesParser> PARSER =
            ThreadLocal.withInitial(() -> new SmilesParser(SilentChemObjectBuilder.getInstance()));
    // CDK's own canonical stereo SMILES needs cdk-inchi, which is not on the class path: so atoms and bonds are put in
    // CDK's canonical (constitution) order first, and the generator then writes stereo in that order.
    private static final ThreadLocal<SmilesGenerator> GENERATOR = ThreadLocal.withInitial(
            () -> new SmilesGenerator(SmiFlavor.Stereo | SmiFlavor.UseAromaticSymbols));
    private static final Aromaticity AROMATICITY =
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));

    /**
     * The curated, canonical SMILES for one input SMILES.
     *
     * @throws IllegalArgumentException with a readable reason when the SMILES cannot be read or written
     */
    public static String standardise(String smiles) {
        if (smiles == null || smiles.isBlank()) {
            throw new IllegalArgumentException("empty SMILES");
        }
        IAtomContainer molecule;
        try {
            molecule = PARSER.get().parseSmiles(smiles.trim());
        } catch (CDKException e) {
            throw new IllegalArgumentException("malformed SMILES '" + smiles.trim() + "': " + firstLine(e.getMessage()));
        }
        return standardise(molecule);
    }

    /** The curated, canonical SMILES for a molecule read elsewhere (e.g. from an SD file); the molecule is changed. */
    public static String standardise(IAtomContainer molecule) {
        if (molecule.getAtomCount() == 0) {
            throw new IllegalArgumentException("no atoms");
        }
        IAtomContainer parent = largestFragment(molecule);
        neutralise(parent);
        try {
            for (IAtom atom : parent.atoms()) {
                atom.setIsAromatic(false);
            }
            for (IBond bond : parent.bonds()) {
                bond.setIsAromatic(false);
            }
            AROMATICITY.apply(parent);
            canonicalOrder(parent);
            return firstBondUp(GENERATOR.get().create(parent));
        } catch (CDKException e) {
            throw new IllegalArgumentException("cannot write SMILES: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Curates the rows of one file and merges duplicate structures, in input order.
     * Rows whose structure cannot be read are dropped with an issue naming the file, row and field.
     */
    static List<Compound> curate(List<RawRow> rows, String file, String smilesField, List<LoadIssue> issues) {
        return curate(rows, file, smilesField, null, issues);
    }

    /** As above; with classes, duplicates are merged by their majority class instead of their mean activity. */
    static List<Compound> curate(List<RawRow> rows, String file, String smilesField, Classes classes,
                                 List<LoadIssue> issues) {
        Standardised s = Standardised.of(rows.stream().map(RawRow::smiles).toList());
        return merge(rows, s.canonical(), s.failure(), file, smilesField, classes, issues);
    }

    /** Curated SMILES (or why not) for each input structure, by position. */
    record Standardised(String[] canonical, String[] failure) {
        static Standardised of(List<String> smiles) {
            String[] canonical = new String[smiles.size()];
            String[] failure = new String[smiles.size()];
            // Each entry depends only on itself, so the parallel map gives the same arrays whatever the thread count.
            IntStream.range(0, smiles.size()).parallel().forEach(i -> {
                try {
                    canonical[i] = standardise(smiles.get(i));
                } catch (RuntimeException e) {
                    failure[i] = e.getMessage() == null ? e.toString() : e.getMessage();
                }
            });
            return new Standardised(canonical, failure);
        }
    }

    /**
     * Merges rows whose structures were standardised already (canonical[i] for rows[i], null with failure[i] when
     * it could not be): the part of curation a matrix of many targets needs once per target, after standardising
     * each compound once.
     */
    static List<Compound> merge(List<RawRow> rows, String[] canonical, String[] failure, String file,
                                String smilesField, List<LoadIssue> issues) {
        return merge(rows, canonical, failure, file, smilesField, null, issues);
    }

    static List<Compound> merge(List<RawRow> rows, String[] canonical, String[] failure, String file,
                                String smilesField, Classes classes, List<LoadIssue> issues) {
        Map<String, List<RawRow>> byStructure = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (canonical[i] == null) {
                issues.add(new LoadIssue(file, rows.get(i).row(), smilesField, failure[i] + "; row skipped"));
            } else {
                byStructure.computeIfAbsent(canonical[i], k -> new ArrayList<>()).add(rows.get(i));
            }
        }
        List<Compound> compounds = new ArrayList<>(byStructure.size());
        byStructure.forEach((smiles, group) -> {
            Compound merged = classes == null ? merge(smiles, group, file, smilesField, issues)
                    : mergeByMajority(smiles, group, file, smilesField, classes, issues);
            if (merged != null) {
                compounds.add(merged);
            }
        });
        return compounds;
    }

    /** One compound from rows of the same structure: mean activity, first id and row, agreed split (else train). */
    private static Compound merge(String smiles, List<RawRow> group, String file, String field, List<LoadIssue> issues) {
        RawRow first = group.get(0);
        String id = first.id() == null || first.id().isBlank() ? "row" + first.row() : first.id();
        if (group.size() == 1) {
            return new Compound(id, smiles, first.activity(), first.split(), first.row());
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean splitsAgree = true;
        List<Integer> rowNumbers = new ArrayList<>();
        for (RawRow r : group) {
            sum += r.activity();
            min = Math.min(min, r.activity());
            max = Math.max(max, r.activity());
            splitsAgree &= java.util.Objects.equals(r.split(), first.split());
            rowNumbers.add(r.row());
        }
        double mean = sum / group.size();
        String rowsText = rowNumbers.toString().replaceAll("[\\[\\]]", "");
        issues.add(new LoadIssue(file, first.row(), field, "same structure as rows " + rowsText
                + ": merged into one compound with the mean activity " + round(mean)));
        if (max - min > DUPLICATE_DISAGREEMENT) {
            issues.add(new LoadIssue(file, first.row(), field, "duplicates in rows " + rowsText
                    + " disagree by " + round(max - min) + " log units (" + round(min) + " to " + round(max) + ")"));
        }
        String split = first.split();
        if (!splitsAgree) {
            split = "train";
            issues.add(new LoadIssue(file, first.row(), field, "duplicates in rows " + rowsText
                    + " are in different given splits; the merged compound goes to train"));
        }
        return new Compound(id, smiles, mean, split, first.row());
    }

    /**
     * One compound from labelled rows of the same structure: the majority class, reported when the rows disagree;
     * without a majority (a tie) the compound is skipped with an issue, since no label can be trusted.
     */
    private static Compound mergeByMajority(String smiles, List<RawRow> group, String file, String field,
                                            Classes classes, List<LoadIssue> issues) {
        RawRow first = group.get(0);
        String id = first.id() == null || first.id().isBlank() ? "row" + first.row() : first.id();
        if (group.size() == 1) {
            return new Compound(id, smiles, first.activity(), first.split(), first.row());
        }
        int[] votes = new int[classes.names().size()];
        boolean splitsAgree = true;
        List<Integer> rowNumbers = new ArrayList<>();
        for (RawRow r : group) {
            votes[(int) r.activity()]++;
            splitsAgree &= java.util.Objects.equals(r.split(), first.split());
            rowNumbers.add(r.row());
        }
        String rowsText = rowNumbers.toString().replaceAll("[\\[\\]]", "");
        int majority = 0;
        for (int k = 1; k < votes.length; k++) {
            if (votes[k] > votes[majority]) majority = k;
        }
        int agreeing = votes[majority];
        long tied = java.util.Arrays.stream(votes).filter(v -> v == agreeing).count();
        StringBuilder tally = new StringBuilder();
        for (int k = votes.length - 1; k >= 0; k--) {
            if (votes[k] > 0) tally.append(tally.length() == 0 ? "" : ", ").append(votes[k]).append(' ')
                    .append(classes.name(k));
        }
        if (tied > 1) {
            issues.add(new LoadIssue(file, first.row(), field, "duplicates in rows " + rowsText
                    + " disagree with no majority (" + tally + "); compound skipped"));
            return null;
        }
        issues.add(new LoadIssue(file, first.row(), field, "same structure as rows " + rowsText
                + ": merged into one compound" + (agreeing == group.size()
                        ? " of class " + classes.name(majority)
                        : "; the duplicates disagree (" + tally + "), merged as the majority "
                                + classes.name(majority))));
        String split = first.split();
        if (!splitsAgree) {
            split = "train";
            issues.add(new LoadIssue(file, first.row(), field, "duplicates in rows " + rowsText
                    + " are in different given splits; the merged compound goes to train"));
        }
        return new Compound(id, smiles, majority, split, first.row());
    }

    /**
     * Reorders atoms and bonds by CDK's canonical labels, so that a non-canonical writer gives a canonical string.
     * Stereo stays attached to atom objects. Only constitutionally symmetric stereo (e.g. cis/trans 1,4-disubstituted
     * rings) may still be written in two ways depending on input order; such rare duplicates are not merged.
     */
    private static void canonicalOrder(IAtomContainer molecule) {
        long[] labels = org.openscience.cdk.graph.invariant.Canon.label(molecule,
                org.openscience.cdk.graph.GraphUtil.toAdjList(molecule));
        IAtom[] atoms = new IAtom[molecule.getAtomCount()];
        for (int i = 0; i < atoms.length; i++) {
            atoms[(int) labels[i] - 1] = molecule.getAtom(i);
        }
        IBond[] bonds = new IBond[molecule.getBondCount()];
        long[][] keys = new long[bonds.length][];
        for (int i = 0; i < bonds.length; i++) {
            IBond bond = molecule.getBond(i);
            long a = labels[bond.getBegin().getIndex()];
            long b = labels[bond.getEnd().getIndex()];
            keys[i] = new long[] {Math.min(a, b), Math.max(a, b), i};
        }
        java.util.Arrays.sort(keys, java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
        for (int i = 0; i < bonds.length; i++) {
            bonds[i] = molecule.getBond((int) keys[i][2]);
        }
        molecule.setAtoms(atoms);
        molecule.setBonds(bonds);
    }

    /**
     * "F/C=C/F" and "F\\C=C\\F" are the same; swapping every / and \\ keeps every double-bond configuration, so the
     * string is normalised to start with '/'. (Several independent stereo double bonds may still be written two ways.)
     */
    static String firstBondUp(String smiles) {
        int up = smiles.indexOf('/');
        int down = smiles.indexOf('\\');
        if (down < 0 || (up >= 0 && up < down)) {
            return smiles;
        }
        StringBuilder swapped = new StringBuilder(smiles.length());
        for (char c : smiles.toCharArray()) {
            swapped.append(c == '/' ? '\\' : c == '\\' ? '/' : c);
        }
        return swapped.toString();
    }

    private static IAtomContainer largestFragment(IAtomContainer molecule) {
        if (ConnectivityChecker.isConnected(molecule)) {
            return molecule;
        }
        IAtomContainer best = null;
        int bestHeavy = -1;
        for (IAtomContainer fragment : ConnectivityChecker.partitionIntoMolecules(molecule).atomContainers()) {
            int heavy = heavyAtoms(fragment);
            if (heavy > bestHeavy) {
                best = fragment;
                bestHeavy = heavy;
            }
        }
        return best;
    }

    private static int heavyAtoms(IAtomContainer fragment) {
        int n = 0;
        for (IAtom atom : fragment.atoms()) {
            if (atom.getAtomicNumber() != null && atom.getAtomicNumber() > 1) {
                n++;
            }
        }
        return n;
    }

    /** Adds or removes a proton on charged N, O and S, the usual result of salts and pH-dependent drawings. */
    static void neutralise(IAtomContainer molecule) {
        for (IAtom atom : molecule.atoms()) {
            int charge = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
            if (charge == 0 || nextToCharge(molecule, atom, -charge)) {
                continue;
            }
            int element = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
            int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
            if (charge == 1 && element == 7 && hydrogens > 0) {
                atom.setFormalCharge(0);
                atom.setImplicitHydrogenCount(hydrogens - 1);
            } else if (charge == -1 && (element == 8 || element == 16 || element == 7)) {
                atom.setFormalCharge(0);
                atom.setImplicitHydrogenCount(hydrogens + 1);
            }
        }
    }

    private static boolean nextToCharge(IAtomContainer molecule, IAtom atom, int sign) {
        for (IAtom neighbour : molecule.getConnectedAtomsList(atom)) {
            Integer c = neighbour.getFormalCharge();
            if (c != null && Integer.signum(c) == Integer.signum(sign)) {
                return true;
            }
        }
        return false;
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
