package io.qspace.plan;

import io.qspace.store.StoreKeys;
import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.DescriptorSet;
import io.qspace.data.Compound;
import io.qspace.data.Dataset;
import io.qspace.model.ModelBuilder;
import io.qspace.model.NeighbourIndex;
import io.qspace.select.FeatureSet;
import io.qspace.select.Filters;
import io.qspace.select.MedianImputer;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.split.Split;
import io.qspace.store.ContentHash;
import io.qspace.store.Serialization;
import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.Consensus;
import io.qspace.validate.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prepare descriptors for one dataset (the paper's first workflow): split, calculate descriptors (or reuse them),
 * filter, impute, and run every selector, storing one {@link FeatureMatrix} per feature set. With selection inside
 * the CV folds it also runs every supervised selector on each fold's training rows ({@link FoldSelection}) and
 * stores the {@link FoldFeatures}. Its children are one build invocation per feature set and builder.
 */
public record PrepareTask(String datasetName, String datasetHash, Split split,
                          DescriptorSet descriptors, Filters filters, List<Selector> selectors, long studySeed,
                          // continuation: not part of the identity, except a non-default domain limit and the
                          // folds of the validation when                          // supervised selectors are refitted inside them
                          List<ModelBuilder> builders, Validation validation,
                          // continuation: the k of the top-k consensus to choose from, empty for none
                          List<Integer> consensusSizes) implements Task {

    /** Bump when stored outputs change shape or meaning, so old stores are not misread. */
    static final String FORMAT = "3";

    public PrepareTask {
        selectors = List.copyOf(selectors);
        builders = List.copyOf(builders);
        consensusSizes = List.copyOf(consensusSizes);
    }

    @Override
    public String kind() {
        return "prepare";
    }

    @Override
    public String identity() {
        String data = dataIdentity() + (validation.describeDomain().isEmpty() ? "" : "|" + validation.describeDomain());
        return selectsInsideFolds() ? data + "|cv=" + validation.describeFolds() : data;
    }

    /** What the split, descriptors and whole-training selections depend on: the same in both selection modes. */
    private String dataIdentity() {
        return String.join("|", "prepare", "format=" + FORMAT, "dataset=" + datasetHash, "split=" + split.describe(),
                "descriptors=" + descriptors.describe(), "filters=" + filters.describe(),
                "selectors=" + selectors.stream().map(Selector::name).collect(Collectors.joining(",")),
                "code=" + CodeIdentity.of(split, descriptors, filters, selectors), "seed=" + studySeed);
    }

    /**
     * The split's seed: the prepare's own, or for a dataset of one class against the rest one seed for the whole file
     * (its classes' datasets must share their test part, for Results.multiClass to judge the classes together).
     */
    private long splitSeed(Dataset dataset, long seed) {
        var family = dataset.classes() == null ? null : dataset.classes().family();
        return family == null ? seed : familySplitSeed(family, split, studySeed);
    }

    /** Which of the dataset's compounds this prepare puts in the test part: known when planning. */
    public boolean[] testMask(Dataset dataset) {
        return split.testMask(dataset, splitSeed(dataset, InvocationSeeds.derive(0, dataIdentity())));
    }

    /** The one split seed of a file's classes: known when planning, so the planner can count their training parts. */
    public static long familySplitSeed(io.qspace.data.OneVsRest family, Split split, long studySeed) {
        return InvocationSeeds.derive(0, String.join("|", "split", "family=" + family.identity(),
                "split=" + split.describe(), "code=" + CodeIdentity.of(split), "seed=" + studySeed));
    }

    /** Fold selections are made (and part of the identity) only when some selector looks at activities. */
    private boolean selectsInsideFolds() {
        return validation.selectsInsideFolds() && selectors.stream().anyMatch(Selector::supervised);
    }

    @Override
    public String label() {
        return "prepare " + datasetName;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", datasetName);
    }

    @Override
    public int expectedSubtreeSize() {
        return 1 + 2 * selectors.size() * builders.size() + (consensusSizes.isEmpty() ? 0 : 1);
    }

    private String id() {
        return Invocation.of(this).id();
    }

    @Override
    public void run(TaskContext context) throws Exception {
        long start = System.nanoTime();
        // Not context.seed(): the split and the selections on the whole training part must not change with the
        // selection mode, so that both modes score the same models on the same rows.
        long seed = InvocationSeeds.derive(0, dataIdentity());
        Dataset dataset = Serialization.read(context.store(), StoreKeys.dataset(datasetHash), Dataset.class);
        boolean[] test = testMask(dataset);
        int trainSize = count(test, false);
        if (trainSize < Math.max(2, validation.folds())) {
            throw new IllegalArgumentException("dataset " + datasetName + " has " + trainSize
                    + " training compounds, fewer than the " + validation.folds()
                    + " cross-validation folds: use fewer folds or a smaller test fraction");
        }
        String classBalance = classBalance(dataset, test);
        DescriptorMatrix matrix = descriptorMatrix(dataset, context);
        context.checkCancelled();

        double[][] xTrain = rows(matrix.values(), test, false);
        SelectionContext selection = new SelectionContext(matrix.names(), matrix.blocks());
        int[] kept = filters.keep(xTrain, selection);
        MedianImputer imputer = MedianImputer.fit(xTrain);
        double[][] imputed = imputer.apply(matrix.values());
        double[][] candidatesTrain = columns(rows(imputed, test, false), kept);
        double[] yTrain = activities(dataset, test, false);

        List<Selector> foldSelectors = new ArrayList<>();
        List<Long> foldSeeds = new ArrayList<>();
        List<String> foldSelected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = dataset.compounds().stream().map(Compound::id).toList();
        List<String> smiles = dataset.compounds().stream().map(Compound::smiles).toList();
        double[] allY = dataset.compounds().stream().mapToDouble(Compound::activity).toArray();
        for (Selector selector : selectors) {
            context.checkCancelled();
            long selectorSeed = InvocationSeeds.derive(seed, selector.name());
            FeatureSet fs = selector.select(candidatesTrain, yTrain, kept, selection, selectorSeed);
            if (fs.size() == 0) {
                continue;
            }
            if (selectsInsideFolds() && selector.supervised()) {
                foldSelectors.add(selector);
                foldSeeds.add(selectorSeed);
                foldSelected.add(fs.name());
            }
            double[] medians = new double[fs.size()];
            for (int j = 0; j < fs.size(); j++) {
                medians[j] = imputer.medians()[fs.columns()[j]];
            }
            double[][] fsValues = columns(imputed, fs.columns());
            FeatureMatrix fm = new FeatureMatrix(datasetName, fs, fsValues, allY, test, ids, smiles, medians);
            context.store().put(StoreKeys.features(id(), fs.name()), Serialization.toBytes(fm));
            // The domain depends on the feature set alone: fitted once here, not once per builder's test step, and
            // so are its scores of the test part (each a scan of the training rows).
            ApplicabilityDomain domain = ApplicabilityDomain.fit(rows(fsValues, test, false),
                    new NeighbourIndex.Search(validation.domainExactUpTo(), InvocationSeeds.derive(seed, "domain")));
            context.store().put(StoreKeys.domain(id(), fs.name()), Serialization.toBytes(domain));
            context.store().put(StoreKeys.domainScoresOfTestPart(id(), fs.name()),
                    Serialization.toBytes(domain.scores(rows(fsValues, test, true))));
            names.add(fs.name());
            sizes.add(fs.size());
        }
        long foldStart = System.nanoTime();
        if (!foldSelectors.isEmpty()) {
            FoldFeatures[] folds = FoldSelection.run(rows(matrix.values(), test, false), yTrain, kept, selection,
                    foldSelectors, foldSeeds.stream().mapToLong(Long::longValue).toArray(), foldSelected, validation,
                    InvocationSeeds.crossValidation(studySeed, datasetHash, split.describe()), context);
            for (FoldFeatures fold : folds) {
                context.store().put(StoreKeys.foldFeatures(id(), fold.featureSet()), Serialization.toBytes(fold));
            }
        }
        double foldSeconds = (System.nanoTime() - foldStart) / 1e9;
        Prepared prepared = new Prepared(datasetName, trainSize, test.length - trainSize, matrix.columns(),
                kept.length, matrix.failures().size(), names, sizes, (System.nanoTime() - start) / 1e9, foldSelected,
                foldSeconds, classBalance);
        context.store().put(StoreKeys.prepared(id()), Serialization.toBytes(prepared));
    }

    /**
     * The classes in each part of a classification's split, or "" for a regression; an error naming the dataset when
     * the training part has fewer compounds of a class than there are CV folds (some fold would have none).
     */
    private String classBalance(Dataset dataset, boolean[] test) {
        if (!dataset.isClassification()) {
            return "";
        }
        List<Compound> train = new ArrayList<>();
        List<Compound> held = new ArrayList<>();
        for (int i = 0; i < test.length; i++) {
            (test[i] ? held : train).add(dataset.compounds().get(i));
        }
        int[] trainCounts = dataset.classes().counts(train);
        for (int k = 0; k < trainCounts.length; k++) {
            if (trainCounts[k] < validation.folds()) {
                throw new IllegalArgumentException("dataset " + datasetName + " has " + trainCounts[k] + " '"
                        + dataset.classes().name(k) + "' compound(s) in its training part (split "
                        + split.describe() + "), fewer than the " + validation.folds()
                        + " cross-validation folds: use fewer folds or another split");
            }
        }
        return "train " + dataset.classes().balance(trainCounts) + "; test "
                + dataset.classes().balance(dataset.classes().counts(held));
    }

    /** Descriptors depend only on the molecules and the descriptor set: reuse them across splits and selectors. */
    private DescriptorMatrix descriptorMatrix(Dataset dataset, TaskContext context) throws Exception {
        String code = CodeIdentity.of(descriptors);
        String smilesHash = ContentHash.of(dataset.compounds().stream().map(Compound::smiles)
                .collect(Collectors.joining("\n")), descriptors.describe() + (code.equals("builtin") ? "" : code));
        String key = StoreKeys.descriptors(smilesHash);
        if (context.store().exists(key)) {
            return Serialization.read(context.store(), key, DescriptorMatrix.class);
        }
        List<String> smiles = dataset.compounds().stream().map(Compound::smiles).toList();
        DescriptorMatrix matrix = descriptors.calculate(smiles, context.computePool());
        context.store().put(key, Serialization.toBytes(matrix));
        return matrix;
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        Prepared prepared = Serialization.fromBytes(context.store().require(StoreKeys.prepared(id())), Prepared.class);
        List<BuildTask> builds = new ArrayList<>();
        for (String featureSet : prepared.featureSets()) {
            for (ModelBuilder builder : builders) {
                builds.add(new BuildTask(id(), datasetName, featureSet, builder, validation, studySeed, descriptors,
                        datasetHash, split.describe(), null));
            }
        }
        // fewer candidates than the smallest size (a classification's default top 3 of two builders): no consensus
        if (Consensus.fitting(consensusSizes, builds.size()).isEmpty()) {
            return builds.stream().map(Invocation::of).toList();
        }
        ConsensusJoin join = new ConsensusJoin(id(), datasetName,
                builds.stream().map(b -> Invocation.of(b).id()).toList(), consensusSizes, studySeed, datasetHash,
                split.describe());
        return builds.stream().map(b -> Invocation.of(new BuildTask(b.prepareId(), b.dataset(), b.featureSet(),
                b.builder(), b.validation(), b.studySeed(), b.descriptors(), b.datasetHash(), b.split(), join)))
                .toList();
    }

    static int count(boolean[] mask, boolean value) {
        int n = 0;
        for (boolean b : mask) {
            if (b == value) n++;
        }
        return n;
    }

    static double[][] rows(double[][] x, boolean[] test, boolean testPart) {
        double[][] out = new double[count(test, testPart)][];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (test[i] == testPart) out[j++] = x[i];
        }
        return out;
    }

    static double[][] columns(double[][] x, int[] columns) {
        double[][] out = new double[x.length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                out[i][j] = x[i][columns[j]];
            }
        }
        return out;
    }

    private static double[] activities(Dataset dataset, boolean[] test, boolean testPart) {
        List<Compound> compounds = dataset.compounds();
        double[] out = new double[count(test, testPart)];
        for (int i = 0, j = 0; i < compounds.size(); i++) {
            if (test[i] == testPart) out[j++] = compounds.get(i).activity();
        }
        return out;
    }
}
