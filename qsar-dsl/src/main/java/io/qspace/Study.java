package io.qspace;

import io.qspace.chem.DescriptorSet;
import io.qspace.chem.Descriptors;
import io.qspace.data.DatasetSource;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.Runner;
import io.qspace.run.Runners;
import io.qspace.select.Filters;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import io.qspace.split.Split;
import io.qspace.validate.ModelKind;
import io.qspace.validate.Validation;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A QSAR study as a chemist describes it: datasets, a split, descriptors, selectors, model builders with their
 * grids, validation and a seed. Everything left out has a default: a study that names no descriptors, selectors or
 * builders models every dataset in the fingerprint space with the mean of its models as the chosen model
 * ({@link #spaceFor}); one that names any of them gets the descriptor space's defaults for the rest
 * ({@link #descriptorSpace()}).
 * Immutable: each method returns a new study.
 *
 * <pre>{@code
 * var study = Study.named("kinases")
 *     .datasets(Datasets.csv("data/*.csv").smiles("smiles").activity("pKi"))
 *     .builders(Builders.pls().components(2, 4, 6, 8), Builders.randomForest().trees(200))
 *     .seed(42);
 * study.plan();          // shape and counts, nothing runs
 * var results = study.run();
 * }</pre>
 */
public final class Study implements Serializable {
    private final String name;
    private final List<DatasetSource> datasets;
    private final Split split;
    private final DescriptorSet descriptors;
    private final Filters filters;
    private final List<Selector> selectors;
    private final List<ModelBuilder> builders;
    private final Validation validation;
    private final long seed;
    private final String store;
    private final Duration timeLimit;
    /** The consensus sizes the user asked for; null: the default for each dataset's kind ({@link #consensusSizes}). */
    private final List<Integer> consensusSizes;
    private final boolean consensusAlways;
    /** Whether the study named its descriptors, selectors or builders; if not, it has the default space. */
    private final boolean spaceNamed;
    /** Builders added to a study left to the default space: they join it. */
    private final List<ModelBuilder> added;

    private Study(String name, List<DatasetSource> datasets, Split split, DescriptorSet descriptors, Filters filters,
                  List<Selector> selectors, List<ModelBuilder> builders, Validation validation, long seed,
                  String store, Duration timeLimit, List<Integer> consensusSizes, boolean consensusAlways,
                  boolean spaceNamed, List<ModelBuilder> added) {
        this.name = name;
        this.datasets = List.copyOf(datasets);
        this.split = split;
        this.descriptors = descriptors;
        this.filters = filters;
        this.selectors = List.copyOf(selectors);
        this.builders = List.copyOf(builders);
        this.validation = validation;
        this.seed = seed;
        this.store = store;
        this.timeLimit = timeLimit;
        this.consensusSizes = consensusSizes == null ? null : List.copyOf(consensusSizes);
        this.consensusAlways = consensusAlways;
        this.spaceNamed = spaceNamed;
        this.added = List.copyOf(added);
    }

    /** A study with every default: auto split (the file's own, else random 20%), the fingerprint space with the mean
     *  of its models chosen ({@link #spaceFor}), 5-fold CV, seed 42, results in ./qspace-results. */
    public static Study named(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("study name '" + name
                    + "' must be letters, digits, '.', '_' or '-' (it names a folder in the store)");
        }
        return new Study(name, List.of(), Split.auto(0.2), Descriptors.defaults(), Filters.standard(),
                Selectors.defaults(), Builders.defaults(), Validation.defaults(), 42, "qspace-results", Plan.DEFAULT_TIME_LIMIT, null,
                false, false, List.of());
    }

    private Study with(UnaryOperator<Builder> change) {
        Builder b = change.apply(new Builder(this));
        return new Study(b.name, b.datasets, b.split, b.descriptors, b.filters, b.selectors, b.builders,
                b.validation, b.seed, b.store, b.timeLimit, b.consensusSizes, b.consensusAlways, b.spaceNamed, b.added);
    }

    public Study datasets(DatasetSource... sources) {
        return with(b -> b.datasets(List.of(sources)));
    }

    public Study split(Split split) {
        Objects.requireNonNull(split, "split");
        return with(b -> b.split(split));
    }

    public Study descriptors(DescriptorSet descriptors) {
        Objects.requireNonNull(descriptors, "descriptors");
        return with(b -> b.descriptors(descriptors));
    }

    public Study filters(Filters filters) {
        Objects.requireNonNull(filters, "filters");
        return with(b -> b.filters(filters));
    }

    /** Each selector yields one feature set; one written with several sizes yields one per size. */
    public Study selectors(Selector... selectors) {
        return selectors(List.of(selectors));
    }

    public Study selectors(List<Selector> selectors) {
        return with(b -> b.selectors(selectors));
    }

    public Study builders(ModelBuilder... builders) {
        return builders(List.of(builders));
    }

    public Study builders(List<ModelBuilder> builders) {
        return with(b -> b.builders(builders));
    }

    /**
     * The same study with more builders: what a chemist does to try a new algorithm on stored descriptors. A study
     * that left its space to the default keeps it: the builders join the default space's fingerprint views, so what
     * is stored is reused.
     */
    public Study addBuilders(ModelBuilder... more) {
        List<ModelBuilder> all = new java.util.ArrayList<>(builders);
        all.addAll(List.of(more));
        if (spaceNamed) {
            return builders(all);
        }
        List<ModelBuilder> extra = new java.util.ArrayList<>(added);
        extra.addAll(List.of(more));
        return with(b -> b.defaultSpaceBuilders(all, extra));
    }

    public Study validation(Validation validation) {
        Objects.requireNonNull(validation, "validation");
        return with(b -> b.validation(validation));
    }

    /**
     * The cross-validated metric that chooses each build's grid point and each dataset's best model: "rmse" (the
     * default of a regression) or "q2"; for a classification "roc_auc" (its default), "pr_auc", "mcc",
     * "balanced_accuracy", "f1" or "brier". A metric of the other kind than a dataset's stops the plan, naming it.
     */
    public Study chooseBy(String metric) {
        return validation(validation.chooseBy(metric));
    }

    public Study seed(long seed) {
        return with(b -> b.seed(seed));
    }

    /** Where outputs go: a folder, "file:/path" or "s3://bucket/prefix". */
    public Study store(String uri) {
        Objects.requireNonNull(uri, "store");
        return with(b -> b.store(uri));
    }

    /**
     * How long one invocation may run before it is stopped (default 4 hours: it catches hangs, such as a notebook
     * builder that never returns). On a grid a stopped invocation is retried up to the grid's attempts, then failed
     * with the reason; embedded it fails at once. The rest of the study goes on either way.
     */
    public Study timeLimit(Duration limit) {
        Objects.requireNonNull(limit, "timeLimit");
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("a time limit must be positive, not " + limit);
        }
        return with(b -> b.timeLimit(limit));
    }

    /** The model space of a study that names no descriptors, selectors or builders, in words. */
    public static final String DEFAULT_SPACE = "ECFP4, FCFP4, ECFP6, atom-pair, topological-torsion and path"
            + " fingerprints x Tanimoto Gaussian processes for a regression (.fingerprintGaussianProcesses()); ECFP4,"
            + " FCFP4, ECFP6 and atom pairs x Tanimoto SVM, Gaussian process and random forest for a classification"
            + " (.fingerprintSpaceAp2d()); the mean of the models chosen; the"
            + " default: name descriptors, selectors or builders (or .fingerprintSpace(), .descriptorSpace()) for"
            + " another";

    /** The default sizes of {@link #consensus()}: the mean of the top 3, 5 or 10 models by CV. */
    public static final List<Integer> DEFAULT_CONSENSUS_SIZES = List.of(3, 5, 10);

    /**
     * One more candidate per dataset: the consensus of the top 3, 5 or 10 models by CV (see below). The default for a
     * classification in a space the study names; a regression in a named space has it when asked.
     */
    public Study consensus() {
        return consensus(DEFAULT_CONSENSUS_SIZES.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * One more candidate per dataset, after all its models: the mean of the top-k models by CV (across feature sets
     * and builders), k chosen from {@code sizes} by CV, scored from the models' out-of-fold predictions without
     * refitting. The score is nested (members and k chosen without each held-out fold), so it is chosen only when it
     * beats the single models honestly. No sizes: no consensus ({@link #noConsensus()}). A classification's consensus
     * is the same on probabilities of the active class: ranked by the metric that chooses its models (ROC-AUC unless
     * {@link #chooseBy} names another), calibrated and given prediction sets from its own out-of-fold probabilities.
     *
     * <p>Left unsaid, a study left to the default space has the mean of all of that space's models, always
     * ({@link #spaceFor}); in a space the study names, a classification has the consensus of the top 3, 5 or 10 (on
     * MoleculeACE's 30 sets as classifications, bench/classification.sh, the nested CV chose it on 22 and its test
     * ROC-AUC was higher than the best single model's on 19 of those, lower on 3) and a regression none (its
     * consensus was chosen on 2 of 30 small sets, bench/HONEST_SELECTION.md).
     */
    public Study consensus(int... sizes) {
        List<Integer> list = java.util.Arrays.stream(sizes).boxed().distinct().sorted().toList();
        for (int k : list) {
            if (k < 2) {
                throw new IllegalArgumentException("a consensus averages at least 2 models, not " + k);
            }
        }
        return with(b -> b.consensusSizes(list).consensusAlways(false));
    }

    /** No consensus candidate, whatever the datasets' kind: every chosen model is a single model. */
    public Study noConsensus() {
        return consensus(new int[0]);
    }

    /** {@link #consensusAlways(int...)} with the default sizes 3, 5 and 10. */
    public Study consensusAlways() {
        return consensusAlways(DEFAULT_CONSENSUS_SIZES.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The top-k consensus (as {@link #consensus(int...)}) is the chosen model of each dataset
     * ({@code Results.best}, the leaderboard), whatever the single models' CV. Its CV is nested, so the chosen
     * model's CV is an honest estimate of the procedure; a single model's plain CV is the best of many and
     * optimistic, so comparing the two favours the single models (bench/HONEST_SELECTION.md: on MoleculeACE's small
     * sets the consensus's test RMSE was lower than the best single model's on most sets while the CV comparison
     * picked it on 2 of 30).
     */
    public Study consensusAlways(int... sizes) {
        Study s = consensus(sizes);
        if (s.consensusSizes.isEmpty()) {
            throw new IllegalArgumentException("consensusAlways needs at least one consensus size");
        }
        return s.with(b -> b.consensusAlways(true));
    }

    /**
     * The mean of every model of each dataset (its consensus of all, {@code Consensus.ALL}) is its chosen model: no
     * ranking, no k to choose, so its CV has no selection in it. With a small space of strong, diverse models (e.g.
     * {@link #fingerprintSpace()}: four views of the molecules x three learners) it averages across representations.
     */
    public Study consensusOfAll() {
        return consensusAlways(io.qspace.validate.Consensus.ALL);
    }

    /**
     * The fingerprint model space: ECFP4, FCFP4 and ECFP6 counts and the atom-pair fingerprint (four unsupervised
     * views of each molecule, no supervised feature selection), each modelled by a Tanimoto (MinMax) SVR (C 1, 10,
     * 100), a Tanimoto Gaussian process (noise 0.1, prior mean by leave-one-out,
     * {@link io.qspace.model.GaussianProcessBuilder#priorMean}) and a random forest: 12 candidates (and any builders
     * added to this study before, {@link #addBuilders}). With the mean of its models ({@link #consensusOfAll()}) it
     * was the default of a regression that names no space until session 17, when its Gaussian processes alone
     * ({@link #fingerprintGaussianProcesses()}) predicted as well for less; named, its chosen model is the best by CV
     * unless a consensus is asked for.
     */
    public Study fingerprintSpace() {
        return fingerprintViews(Descriptors.atomPairFingerprint(), "ap", List.of(tanimotoSvr(),
                looGaussianProcess(), fingerprintForest()));
    }

    /**
     * Tanimoto Gaussian processes (noise 0.1, prior mean by leave-one-out) on six fingerprint views: the fingerprint
     * space's four (ECFP4, FCFP4, ECFP6 counts and the atom-pair fingerprint) and the two of {@link #plusPathViews()}
     * (topological torsions, linear paths): 6 candidates (and any builders added to this study before,
     * {@link #addBuilders}). With the mean of its models ({@link #consensusOfAll()}) the default of a regression that
     * names no space ({@link #spaceFor}). On MoleculeACE's sets the mean of the first four had a lower test RMSE than
     * the mean of {@link #fingerprintSpace()}'s 12 on most sets at about half of its CPU (session 17), and the mean of
     * the six lower than the four's on most sets of every sample (session 19; bench/HONEST_SELECTION.md).
     */
    public Study fingerprintGaussianProcesses() {
        return fingerprintViews(Descriptors.atomPairFingerprint(), "ap", List.of(looGaussianProcess())).plusPathViews();
    }

    /**
     * This space with two more views of each molecule, each modelled by the space's builders: topological torsions
     * ({@link Descriptors#topologicalTorsions()}: chains of four atoms typed by element, pi electrons and branches) and
     * linear paths of 1 to 7 bonds ({@link Descriptors#pathFingerprint()}), both hashed counts, feature sets "tt" and
     * "path7". Unsupervised, like the circular fingerprints and atom pairs: nothing about them is chosen by activity.
     *
     * @throws IllegalStateException if the space has them already (the default regression space does)
     */
    public Study plusPathViews() {
        List<Selector> views = new java.util.ArrayList<>(selectors());
        if (views.stream().anyMatch(v -> v.name().equals("tt") || v.name().equals("path7"))) {
            throw new IllegalStateException("the space already has the torsion and path views (a regression that names"
                    + " no space has them): name the space to extend first, e.g. .fingerprintSpace().plusPathViews()");
        }
        views.add(Selectors.fingerprints("tt"));
        views.add(Selectors.fingerprints("path7"));
        return descriptors(descriptors().plus(Descriptors.topologicalTorsions()).plus(Descriptors.pathFingerprint()))
                .selectors(views);
    }

    /**
     * The fingerprint space as it was before the atom-pair fingerprint: PaDEL's AP2D atom pairs
     * ({@link Descriptors#atomPairs()}) as its fourth view and Gaussian processes predicting the training mean far from
     * every training compound. The default of a classification that names no space ({@link #spaceFor}): measured as a
     * classification on MoleculeACE's 27 smallest sets, {@link #fingerprintSpace()} was no better (test ROC-AUC higher
     * on 15, lower on 12) at 1.8 times the CPU; the regression benchmark's earlier numbers were measured on it
     * (bench/HONEST_SELECTION.md).
     */
    public Study fingerprintSpaceAp2d() {
        return fingerprintViews(Descriptors.atomPairs(), "atompairs",
                List.of(tanimotoSvr(), tanimotoGaussianProcess(), fingerprintForest()));
    }

    /** The fingerprint spaces' Gaussian process before its prior mean is named. */
    private static io.qspace.model.GaussianProcessBuilder tanimotoGaussianProcess() {
        return Builders.gaussianProcess().kernel("tanimoto").noise(0.01, 0.03, 0.1, 0.3);
    }

    /**
     * The Gaussian process of the spaces since the atom-pair fingerprint: its prior mean by leave-one-out, its noise
     * 0.1 of the activities' variance. Since session 18 the noise is fixed rather than chosen by CV from 0.01 to 0.3:
     * on 80-compound samples the choice cost more than it found (the default's test RMSE lower with the fixed noise on
     * 76 of 120 set-seed pairs, bench/HONEST_SELECTION.md), and one fit instead of four is cheaper on large sets.
     */
    private static ModelBuilder looGaussianProcess() {
        return tanimotoGaussianProcess().noise(0.1).priorMean("loo");
    }

    /** The fingerprint spaces' SVR (for a classification, its SVM). */
    private static ModelBuilder tanimotoSvr() {
        return Builders.svr().kernel("tanimoto").c(1, 10, 100).epsilon(0.1);
    }

    /** The fingerprint spaces' random forest. */
    private static ModelBuilder fingerprintForest() {
        return Builders.randomForest().trees(200).maxFeatures(1.0 / 3).minLeaf(1);
    }

    /** The four fingerprint views (ECFP4, FCFP4, ECFP6 and these atom pairs), one feature set each, x the learners. */
    private Study fingerprintViews(DescriptorSet atomPairs, String atomPairsBlock, List<ModelBuilder> learners) {
        return descriptors(Descriptors.ecfp4().plus(Descriptors.fcfp4()).plus(Descriptors.ecfp6()).plus(atomPairs))
                .selectors(Selectors.fingerprints("ecfp4"), Selectors.fingerprints("fcfp4"),
                        Selectors.fingerprints("ecfp6"), Selectors.fingerprints(atomPairsBlock))
                .builders(withAdded(learners));
    }

    /**
     * The descriptor space, which a study naming only some of descriptors, selectors and builders gets for the rest:
     * CDK's 2D descriptors plus ECFP4, the standard filters, seven feature sets (filtered, ECFP4 and five supervised
     * selections, refitted inside every CV fold) x eight builders (bench/MODEL_SPACE.md); the chosen model is the
     * best by CV (for a classification, the top-k consensus when its nested CV is best). On MoleculeACE's sets the
     * default fingerprint space predicted better (bench/HONEST_SELECTION.md). Builders added to this study before
     * ({@link #addBuilders}) join it.
     */
    public Study descriptorSpace() {
        return descriptors(Descriptors.defaults()).selectors(Selectors.defaults())
                .builders(withAdded(Builders.defaults()));
    }

    /** A space's builders and those added to this study while it had the default space: naming a space keeps them. */
    private List<ModelBuilder> withAdded(List<ModelBuilder> space) {
        List<ModelBuilder> all = new java.util.ArrayList<>(space);
        all.addAll(added);
        return all;
    }

    /** Reads the datasets and unwinds the study into its invocation tree; nothing heavy runs. */
    public Plan plan() {
        return StudyPlanner.plan(this);
    }

    /**
     * Runs on the current runner ({@link Runners#current()}): the one a notebook attached with {@code %grid},
     * else the embedded default, 4 slots in this JVM. The printed plan names which.
     */
    public Results run() {
        return run(Runners.current());
    }

    public Results run(Runner runner) {
        return runner.run(plan());
    }

    public String name() { return name; }
    public List<DatasetSource> datasets() { return datasets; }
    public Split split() { return split; }
    /** The descriptors of the space the study models in: the fingerprint space's when it names no space. */
    public DescriptorSet descriptors() { return spaceNamed ? descriptors : spaceFor(ModelKind.REGRESSION).descriptors; }
    public Filters filters() { return filters; }
    /** The selectors of the space the study models in: the fingerprint space's when it names no space. */
    public List<Selector> selectors() { return spaceNamed ? selectors : spaceFor(ModelKind.REGRESSION).selectors; }
    /** The builders of the space the study models in: the fingerprint space's (and any added) when it names none. */
    public List<ModelBuilder> builders() { return spaceNamed ? builders : spaceFor(ModelKind.REGRESSION).builders; }
    public Validation validation() { return validation; }
    public long seed() { return seed; }
    public String store() { return store; }
    public Duration timeLimit() { return timeLimit; }
    /**
     * The consensus sizes for a dataset of this kind: those the study named (empty for {@link #noConsensus()}), else
     * the mean of all models in the default space, and in a space the study names 3, 5 and 10 for a classification
     * and none for a regression.
     */
    public List<Integer> consensusSizes(ModelKind kind) {
        if (consensusSizes != null) {
            return consensusSizes;
        }
        if (!spaceNamed) {
            return List.of(io.qspace.validate.Consensus.ALL);
        }
        return kind == ModelKind.CLASSIFICATION ? DEFAULT_CONSENSUS_SIZES : List.of();
    }

    /**
     * Whether the consensus is the chosen model of a dataset of this kind: when the study said so
     * ({@link #consensusAlways(int...)}), and in the default space ({@link #spaceFor}) unless the study names its
     * consensus.
     */
    public boolean consensusChosenAlways(ModelKind kind) {
        return consensusAlways || (consensusSizes == null && !spaceNamed);
    }

    /**
     * The study whose descriptors, selectors and builders model a dataset of this kind: this one, unless the study
     * named none of them: then for a regression the fingerprint views' Gaussian processes
     * ({@link #fingerprintGaussianProcesses()}), for a classification the fingerprint space as it was before the
     * atom-pair fingerprint ({@link #fingerprintSpaceAp2d()}, the one its benchmark measured), either with any builders
     * added by {@link #addBuilders}; and unless the study names its consensus, the mean of all its models is the chosen
     * model. On MoleculeACE's 30 sets the fingerprint space and
     * mean predicted better than the descriptor space's chosen model: as regressions cut to 80 training compounds, a
     * test RMSE at or below the scikit-learn peer's best-by-CV on 21 sets against 4 (22 and 25 of 30 on seeds 42 and
     * 7 with the atom-pair fingerprint and leave-one-out prior means), and on the full sets
     * (bench/HONEST_SELECTION.md); as classifications (pKi/pEC50 >= 7), a test ROC-AUC at or above the peer's on 24
     * sets against 19 (bench/results/classification-summary.md). For a regression the Gaussian processes' mean then
     * had a lower test RMSE than the mean of the fingerprint space's 12 on 83 of 120 small-protocol set-seed pairs and
     * on most of the full sets, at about half of the CPU (session 17).
     */
    public Study spaceFor(ModelKind kind) {
        if (spaceNamed) {
            return this;
        }
        // with the builders added to this study
        return kind == ModelKind.CLASSIFICATION ? fingerprintSpaceAp2d() : fingerprintGaussianProcesses();
    }

    /** Whether the study named its descriptors, selectors or builders (else it has the default space). */
    public boolean spaceNamed() { return spaceNamed; }
    /** Whether the study named its consensus (or none), rather than leaving it to each dataset's kind. */
    public boolean consensusNamed() { return consensusSizes != null; }

    /** Selectors flattened to one per feature set. */
    public List<Selector> featureSetSelectors() {
        return selectors().stream().flatMap(s -> s.each().stream()).toList();
    }

    @Override
    public String toString() {
        return "Study " + name + "\n"
                + "  datasets:    " + datasets.size() + " source(s)\n"
                + "  split:       " + split.describe() + "\n"
                + (spaceNamed ? "" : "  space:       " + DEFAULT_SPACE + "\n")
                + "  descriptors: " + descriptors().describe() + "\n"
                + "  filters:     " + filters.describe() + "\n"
                + "  selectors:   " + featureSetSelectors().stream().map(Selector::name)
                        .collect(Collectors.joining(", ")) + "\n"
                + "  builders:    " + builders().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + "\n"
                + "  validation:  " + validation.describe() + "\n"
                + "  consensus:   " + consensusInWords() + "\n"
                + "  seed:        " + seed + "\n"
                + "  store:       " + store;
    }

    /** The study's consensus in words, for its description. */
    String consensusInWords() {
        if (consensusSizes == null) {
            return (spaceNamed ? "for classifications, mean of " + io.qspace.validate.Consensus.sizesInWords(
                    consensusSizes(ModelKind.CLASSIFICATION)) : "mean of all models, always the chosen model")
                    + " (the default; .noConsensus() leaves it out)";
        }
        return consensusSizes.isEmpty() ? "none"
                : "mean of " + io.qspace.validate.Consensus.sizesInWords(consensusSizes)
                        + (consensusAlways ? ", always the chosen model" : "");
    }

    /** Mutable scratch for {@link #with}; never escapes. */
    private static final class Builder {
        String name;
        List<DatasetSource> datasets;
        Split split;
        DescriptorSet descriptors;
        Filters filters;
        List<Selector> selectors;
        List<ModelBuilder> builders;
        Validation validation;
        long seed;
        String store;
        Duration timeLimit;
        List<Integer> consensusSizes;
        boolean consensusAlways;
        boolean spaceNamed;
        List<ModelBuilder> added;

        Builder(Study s) {
            name = s.name; datasets = s.datasets; split = s.split; descriptors = s.descriptors; filters = s.filters;
            selectors = s.selectors; builders = s.builders; validation = s.validation; seed = s.seed; store = s.store;
            timeLimit = s.timeLimit; consensusSizes = s.consensusSizes; consensusAlways = s.consensusAlways;
            spaceNamed = s.spaceNamed; added = s.added;
        }

        Builder name(String v) { name = v; return this; }
        Builder datasets(List<DatasetSource> v) { datasets = v; return this; }
        Builder split(Split v) { split = v; return this; }
        Builder descriptors(DescriptorSet v) { descriptors = v; spaceNamed = true; added = List.of(); return this; }
        Builder filters(Filters v) { filters = v; return this; }
        Builder selectors(List<Selector> v) { selectors = v; spaceNamed = true; added = List.of(); return this; }
        Builder builders(List<ModelBuilder> v) { builders = v; spaceNamed = true; added = List.of(); return this; }
        Builder defaultSpaceBuilders(List<ModelBuilder> all, List<ModelBuilder> extra) {
            builders = all; added = extra; return this;
        }
        Builder validation(Validation v) { validation = v; return this; }
        Builder seed(long v) { seed = v; return this; }
        Builder store(String v) { store = v; return this; }
        Builder timeLimit(Duration v) { timeLimit = v; return this; }
        Builder consensusSizes(List<Integer> v) { consensusSizes = v; return this; }
        Builder consensusAlways(boolean v) { consensusAlways = v; return this; }
    }
}
