package io.qspace.store;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of object read back from the store or the grid, each with the exact classes it may be made of. A reader
 * names the type it expects; the kind of that type decides what the stream may instantiate, so a descriptor key can
 * hold a descriptor matrix and nothing else (not a model, not a builder, not a gadget made of other qspace classes).
 *
 * <p>Data kinds (datasets, descriptor matrices, prepared feature sets) list their classes one by one and accept no
 * code defined at run time. Models and invocations hold code: a model keeps the builder that made it (a built-in
 * one, a lambda whose capturing class may be any of qspace's or a program's, a notebook's class) and the descriptor
 * set it computes with, and an invocation any study part; so they accept qspace's classes, smile's, lambdas and
 * classes defined at run time (a notebook's, a shipped bundle's), and the grid adds its member allow list on top.
 * Every kind is bounded by {@link Serialization#LIMITS}.
 */
public enum StoredKind {
    DATASET(false, List.of("io.qspace.data.Dataset"),
            "io.qspace.data.Dataset", "io.qspace.data.Compound", "io.qspace.data.LoadIssue", "io.qspace.data.Classes",
            "io.qspace.data.OneVsRest"),
    DESCRIPTORS(false, List.of("io.qspace.chem.DescriptorMatrix"),
            "io.qspace.chem.DescriptorMatrix", "io.qspace.chem.DescriptorMatrix$Failure"),
    /** Prepared feature sets, their domains, and plain arrays of numbers (the domain scores of a test part: "[D"). */
    PREPARED(false, List.of("io.qspace.plan.Prepared", "io.qspace.plan.FeatureMatrix", "io.qspace.plan.FoldFeatures",
            "io.qspace.validate.ApplicabilityDomain", double[].class.getName()),
            "io.qspace.plan.Prepared", "io.qspace.plan.FeatureMatrix", "io.qspace.plan.FoldFeatures",
            "io.qspace.select.FeatureSet", "io.qspace.validate.ApplicabilityDomain",
            "io.qspace.model.NeighbourIndex$Search"),
    MODEL(true, List.of("io.qspace.plan.BuildOutcome", "io.qspace.results.StoredModel"),
            "io.qspace.**", "java.lang.invoke.SerializedLambda", "smile.**"),
    /** Invocations and the study parts they carry; also what any type not named above is read as. */
    INVOCATION(true, List.of("io.qspace.plan.Invocation"),
            "io.qspace.**", "java.lang.invoke.SerializedLambda", "java.net.URI", "java.time.Ser", "smile.**",
            "tech.tablesaw.**");

    /** The JDK's plain data types every kind may hold: boxed numbers, strings, collections, big numbers. */
    private static final class Jdk {
        static final List<String> DATA = List.of("java.lang.Object", "java.lang.Number", "java.lang.String",
            "java.lang.Enum", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigInteger",
            "java.math.BigDecimal", "java.util.CollSer", "java.util.ImmutableCollections*", "java.util.ArrayList",
            "java.util.Arrays$ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Map$Entry", "java.util.Collections$*", "java.util.BitSet", "java.util.UUID");
    }

    private static final Map<String, StoredKind> BY_ROOT = Stream.of(values())
            .flatMap(k -> k.roots.stream().map(r -> Map.entry(r, k)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final boolean runTimeCode;
    private final List<String> roots;
    private final List<String> classes;
    private final ObjectInputFilter filter;

    StoredKind(boolean runTimeCode, List<String> roots, String... classes) {
        this.runTimeCode = runTimeCode;
        this.roots = roots;
        this.classes = List.of(classes);
        this.filter = ObjectInputFilter.Config.createFilter(
                Stream.concat(this.classes.stream(), Jdk.DATA.stream()).collect(Collectors.joining(";")));
    }

    /** The kind an object read as this type is; types that are not stored data are read as study parts. */
    public static StoredKind of(Class<?> type) {
        return BY_ROOT.getOrDefault(type.getName(), INVOCATION);
    }

    /** Whether classes defined at run time (a notebook's, a shipped bundle's) may be part of this kind. */
    boolean acceptsRunTimeCode() {
        return runTimeCode;
    }

    /** ALLOWED or REJECTED for a class of this kind's list, UNDECIDED for one it does not name. */
    ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
        return filter.checkInput(info);
    }

    /** Its classes and patterns, for messages. */
    public List<String> classes() {
        return classes;
    }
}
