package io.qspace.chem;

import java.util.ArrayList;
import java.util.List;

/**
 * The descriptor sets qspace offers. Every set is plain data keyed by {@link DescriptorSet#describe()}; bump a
 * version in a description whenever its values would change.
 */
public final class Descriptors {
    /** Default per-molecule, per-class time limit. */
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 2_000;
    /** Block name of the physico-chemical descriptors. */
    public static final String DESCRIPTORS_BLOCK = "descriptors";

    /**
     * Every CDK 2.12 molecular descriptor class that works on 2D molecules. Left out: CPSA, GravitationalIndex,
     * LengthOverBreadth, MomentOfInertia, WHIM (need 3D coordinates); IPMolecularLearning and TaeAminoAcid (not on
     * the class path; seconds per molecule, and proteins only).
     */
    static final List<String> CDK_2D_CLASSES = List.of(
            "ALOGPDescriptor", "APolDescriptor", "AcidicGroupCountDescriptor", "AromaticAtomsCountDescriptor",
            "AromaticBondsCountDescriptor", "AtomCountDescriptor", "AutocorrelationDescriptorCharge",
            "AutocorrelationDescriptorMass", "AutocorrelationDescriptorPolarizability", "BCUTDescriptor",
            "BPolDescriptor", "BasicGroupCountDescriptor", "BondCountDescriptor", "CarbonTypesDescriptor",
            "ChiChainDescriptor", "ChiClusterDescriptor", "ChiPathClusterDescriptor", "ChiPathDescriptor",
            "EccentricConnectivityIndexDescriptor", "FMFDescriptor", "FractionalCSP3Descriptor",
            "FractionalPSADescriptor", "FragmentComplexityDescriptor", "HBondAcceptorCountDescriptor",
            "HBondDonorCountDescriptor", "HybridizationRatioDescriptor", "JPlogPDescriptor",
            "KappaShapeIndicesDescriptor", "KierHallSmartsDescriptor", "LargestChainDescriptor",
            "LargestPiSystemDescriptor", "LongestAliphaticChainDescriptor", "MDEDescriptor",
            "MannholdLogPDescriptor", "PetitjeanNumberDescriptor", "PetitjeanShapeIndexDescriptor",
            "RotatableBondsCountDescriptor", "RuleOfFiveDescriptor", "SmallRingDescriptor",
            "SpiroAtomCountDescriptor", "TPSADescriptor", "VABCDescriptor", "VAdjMaDescriptor", "WeightDescriptor",
            "WeightedPathDescriptor", "WienerNumbersDescriptor", "XLogPDescriptor", "ZagrebIndexDescriptor");

    /** The names of CDK's usable 2D descriptor classes, as {@link #cdk(String...)} takes them. */
    public static List<String> cdkClasses() {
        return CDK_2D_CLASSES;
    }

    /**
     * CDK classes in the default set: the 2D classes minus the four Chi classes (computed by {@link KierHallChi} at a
     * fraction of the cost, same values) and the classes whose cost per varying value is worst (measured, see
     * bench/results): see {@link #DEFAULT_EXCLUDED}.
     */
    static final List<String> DEFAULT_EXCLUDED = List.of(
            "ChiChainDescriptor", "ChiClusterDescriptor", "ChiPathClusterDescriptor", "ChiPathDescriptor",
            "MDEDescriptor", "BCUTDescriptor", "XLogPDescriptor", "RuleOfFiveDescriptor",
            "PetitjeanShapeIndexDescriptor");

    private Descriptors() {}

    /** The default physico-chemical set: cheap CDK classes, own Kier-Hall chi indices, MQN-style counts. */
    public static DescriptorSet cdkDefault() {
        List<String> specs = new ArrayList<>();
        for (String c : CDK_2D_CLASSES) if (!DEFAULT_EXCLUDED.contains(c)) specs.add("cdk:" + c);
        specs.add("chi");
        specs.add("counts");
        return new MoleculeDescriptorSet("cdk-default-v1", DESCRIPTORS_BLOCK, specs, DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** All usable 2D CDK descriptor classes, CDK's own Chi included: ~6 molecules per second per core. */
    public static DescriptorSet cdkFull() {
        List<String> specs = CDK_2D_CLASSES.stream().map(c -> "cdk:" + c).toList();
        return new MoleculeDescriptorSet("cdk-full-v1", DESCRIPTORS_BLOCK, specs, DEFAULT_TIME_LIMIT_MILLIS);
    }

    /**
     * Named CDK descriptor classes, e.g. {@code cdk("ALOGPDescriptor")}, in block "descriptors"; for measuring
     * or hand-made sets. No names gives a set of zero columns that still parses every molecule.
     */
    public static DescriptorSet cdk(String... classNames) {
        List<String> specs = new ArrayList<>();
        for (String c : classNames) {
            new CdkDescriptor(c); // fail now for an unknown class, not later in a task
            specs.add("cdk:" + c);
        }
        return new MoleculeDescriptorSet("cdk(" + String.join(",", classNames) + ")", DESCRIPTORS_BLOCK, specs,
                DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** Own Kier-Hall chi indices only (40 values, CDK's ChiPath/ChiCluster/ChiPathCluster/ChiChain definitions). */
    public static DescriptorSet chi() {
        return new MoleculeDescriptorSet("kier-hall-chi-v1", DESCRIPTORS_BLOCK, List.of("chi"),
                DEFAULT_TIME_LIMIT_MILLIS);
    }

    /**
     * ECFP folded to {@code bits} columns "ECFP{diameter}.{i}" in block "ecfp{diameter}".
     *
     * @param diameter 0, 2, 4 or 6
     * @param counts   occurrence counts if true, 0/1 if false
     */
    public static DescriptorSet ecfp(int diameter, int bits, boolean counts) {
        CircularFingerprint.classFor(diameter);
        return circular("ecfp", diameter, bits, counts);
    }

    /** The width of a folded fingerprint, checked when the set is named (its components are built from it later). */
    private static void checkedBits(int bits) {
        if (bits <= 0) throw new IllegalArgumentException("bits must be positive");
    }

    /** "ecfp(4,2048,counts)" in block "ecfp4" from component "ecfp:4:2048:counts", and the same for "fcfp". */
    private static DescriptorSet circular(String kind, int diameter, int bits, boolean counts) {
        checkedBits(bits);
        String values = counts ? "counts" : "bits";
        return new MoleculeDescriptorSet(kind + "(" + diameter + "," + bits + "," + values + ")", kind + diameter,
                List.of(kind + ":" + diameter + ":" + bits + ":" + values), DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** ECFP4 counts folded to 2048, block "ecfp4". */
    public static DescriptorSet ecfp4() {
        return ecfp(4, 2048, true);
    }

    /**
     * FCFP (ECFP's circular environments over functional classes of atoms: donor, acceptor, aromatic, halogen, ...
     * rather than elements) folded to {@code bits} columns "FCFP{diameter}.{i}" in block "fcfp{diameter}". The same
     * substructures at a coarser grain: a second view of the molecules for the fingerprint models and a consensus.
     *
     * @param diameter 0, 2, 4 or 6
     * @param counts   occurrence counts if true, 0/1 if false
     */
    public static DescriptorSet fcfp(int diameter, int bits, boolean counts) {
        CircularFingerprint.functionalClassFor(diameter);
        return circular("fcfp", diameter, bits, counts);
    }

    /** FCFP4 counts folded to 2048, block "fcfp4". */
    public static DescriptorSet fcfp4() {
        return fcfp(4, 2048, true);
    }

    /** ECFP6 counts folded to 2048, block "ecfp6": larger environments than ECFP4 (radius 3). */
    public static DescriptorSet ecfp6() {
        return ecfp(6, 2048, true);
    }

    /**
     * Atom-pair counts (PaDEL's AP2D types from CDK): for each topological distance 1..10 and each unordered pair of
     * the types C, N, O, S, P, F, Cl, Br, I, B, Si and X (any halogen), how many atom pairs of those types are that
     * many bonds apart; 780 columns "AP2D.{distance}_{a}_{b}" in block "atompairs". A shape view of the molecule the
     * circular fingerprints do not give (how far apart its heteroatoms are).
     */
    public static DescriptorSet atomPairs() {
        return new MoleculeDescriptorSet("atompairs-v1", "atompairs", List.of("atompairs"), DEFAULT_TIME_LIMIT_MILLIS);
    }

    /**
     * The Morgan count fingerprint of this radius as RDKit computes it (radius 2 is ECFP4's, 3 ECFP6's environments)
     * folded to {@code bits} columns "Morgan{radius}.{i}", block "morgan{radius}". Unlike CDK's {@link #ecfp} it keeps
     * every environment with a new set of bonds: CDK drops one whose atoms were all met before (at radius 2, four of
     * the five environments of each five-membered ring), so its environments differ from RDKit's on most drug-like
     * molecules; these match RDKit's (not its hash).
     *
     * @param radius 0 to 4
     */
    public static DescriptorSet morgan(int radius, int bits) {
        return morganFamily("morgan", "morgan", "", radius, bits);
    }

    /**
     * The feature Morgan count fingerprint (RDKit's {@code useFeatures}; radius 2 is the FCFP4 most papers run) folded
     * to {@code bits} columns "FeatureMorgan{radius}.{i}", block "fmorgan{radius}": {@link #morgan}'s environments
     * grown from what each atom does rather than what it is (RDKit's donor, acceptor, aromatic, halogen, basic and
     * acidic patterns). Unlike CDK's {@link #fcfp}, whose atom classes and environment deduplication differ from
     * RDKit's, these are RDKit's environments (not its hash).
     *
     * @param radius 0 to 4
     */
    public static DescriptorSet featureMorgan(int radius, int bits) {
        return morganFamily("featuremorgan", "fmorgan", ":features", radius, bits);
    }

    /** "morgan(2,2048,counts)" in block "morgan2" from component "morgan:2:2048", and the same for feature Morgan. */
    private static DescriptorSet morganFamily(String kind, String block, String specSuffix, int radius, int bits) {
        checkedBits(bits);
        MorganFingerprint.checkedRadius(radius);
        return new MoleculeDescriptorSet(kind + "(" + radius + "," + bits + ",counts)", block + radius,
                List.of("morgan:" + radius + ":" + bits + specSuffix), DEFAULT_TIME_LIMIT_MILLIS);
    }

    /**
     * The atom-pair fingerprint (Carhart et al. 1985) with RDKit's atom types: every pair of heavy atoms 1 to 30 bonds
     * apart, typed by element, heavy neighbours and pi electrons, counted in one of {@code bits} hashed columns
     * "AP.{i}", block "ap". A whole-molecule shape view the circular fingerprints do not give (which kinds of atom
     * lie how far apart), with atom types fine enough to tell a carbonyl carbon from a methyl, unlike
     * {@link #atomPairs()}.
     */
    public static DescriptorSet atomPairFingerprint(int bits) {
        checkedBits(bits);
        return new MoleculeDescriptorSet("ap(" + bits + ",counts)", "ap", List.of("ap:" + bits),
                DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** The atom-pair fingerprint folded to 2048 columns, block "ap". */
    public static DescriptorSet atomPairFingerprint() {
        return atomPairFingerprint(2048);
    }

    /**
     * The linear path fingerprint: every chain of 1 to {@code maxBonds} bonds through distinct heavy atoms, written
     * as its elements, aromaticity and bond orders, counted in one of {@code bits} hashed columns "Path{maxBonds}.{i}",
     * block "path{maxBonds}" (Daylight's kind of fingerprint; RDKit's {@code RDKFingerprint} without branched paths).
     *
     * @param maxBonds 1 to 10 (7 is RDKit's default)
     */
    public static DescriptorSet pathFingerprint(int maxBonds, int bits) {
        checkedBits(bits);
        if (maxBonds < 1 || maxBonds > PathFingerprint.MAX_BONDS) {
            throw new IllegalArgumentException("maxBonds must be 1 to " + PathFingerprint.MAX_BONDS + ", was " + maxBonds);
        }
        return new MoleculeDescriptorSet("paths(" + maxBonds + "," + bits + ",counts)", "path" + maxBonds,
                List.of("paths:" + maxBonds + ":" + bits), DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** Paths of 1 to 7 bonds folded to 2048 columns, block "path7". */
    public static DescriptorSet pathFingerprint() {
        return pathFingerprint(7, 2048);
    }

    /**
     * The topological torsion fingerprint (Nilakantan et al. 1987) with RDKit's atom types: every chain of four heavy
     * atoms, typed by element, pi electrons and branches off the chain, counted in one of {@code bits} hashed columns
     * "TT.{i}", block "tt".
     */
    public static DescriptorSet topologicalTorsions(int bits) {
        checkedBits(bits);
        return new MoleculeDescriptorSet("tt(" + bits + ",counts)", "tt", List.of("tt:" + bits),
                DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** Topological torsions folded to 2048 columns, block "tt". */
    public static DescriptorSet topologicalTorsions() {
        return topologicalTorsions(2048);
    }

    /** The 166 MACCS keys, block "maccs". */
    public static DescriptorSet maccs() {
        return new MoleculeDescriptorSet("maccs", "maccs", List.of("maccs"), DEFAULT_TIME_LIMIT_MILLIS);
    }

    /**
     * A descriptor set written in a notebook, script or plug-in: named columns computed from each parsed molecule,
     * filtered and selected as descriptors (combine it with others with {@code plus}); e.g.
     * {@code Descriptors.of("rings", List.of("rings", "aromatic"), mol -> new double[] {...})}.
     */
    public static DescriptorSet of(String name, List<String> columns, MoleculeFunction function) {
        return new FunctionDescriptorSet(name, columns, function);
    }

    /** The descriptor space's descriptors: {@code cdkDefault().plus(ecfp4())}. */
    public static DescriptorSet defaults() {
        return cdkDefault().plus(ecfp4());
    }

    /** Columns of a, then of b; blocks kept (a block name may appear only once); describe() is "a+b". */
    public static DescriptorSet combine(DescriptorSet a, DescriptorSet b) {
        return new CombinedDescriptorSet(a, b);
    }

    /**
     * The same set with another per-molecule, per-class time limit (sets from this class only; combined sets get
     * the limit on both sides). The limit is not part of describe(): it changes which values time out, not what
     * they mean.
     */
    public static DescriptorSet withTimeLimit(DescriptorSet set, long millis) {
        if (set instanceof MoleculeDescriptorSet m) return m.withTimeLimit(millis);
        if (set instanceof CombinedDescriptorSet c)
            return new CombinedDescriptorSet(withTimeLimit(c.first(), millis), withTimeLimit(c.second(), millis));
        throw new IllegalArgumentException("not a qspace descriptor set: " + set.describe());
    }

    /**
     * CPU time (per-thread, ThreadMXBean) spent on descriptor worker threads in this JVM so far, in nanoseconds.
     * The calculation runs on worker threads the pool threads wait on, so the pool's own CPU time misses it.
     */
    public static long workerCpuNanos() {
        return GuardedCalculator.WORKER_CPU_NANOS.sum();
    }
}
