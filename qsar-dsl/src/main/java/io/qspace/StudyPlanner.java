package io.qspace;

import io.qspace.results.Results;

import io.qspace.data.Dataset;
import io.qspace.data.DatasetSource;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.plan.PrepareTask;
import io.qspace.run.Runners;
import io.qspace.model.ModelBuilder;
import io.qspace.select.Selector;
import io.qspace.validate.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unwinds a study into its plan: reads and curates the datasets, makes one prepare root per dataset. */
final class StudyPlanner {
    private StudyPlanner() {}

    static Plan plan(Study study) {
        if (study.datasets().isEmpty()) {
            throw new IllegalStateException("study " + study.name()
                    + " has no datasets: add some with .datasets(Datasets.csv(\"path/*.csv\"))");
        }
        List<Dataset> datasets = new ArrayList<>();
        List<DatasetSource.SkippedDataset> skipped = new ArrayList<>();
        Map<String, java.util.Optional<String>> familyTooFew = new java.util.HashMap<>();
        List<String> hashes = new ArrayList<>();
        List<Invocation> roots = new ArrayList<>();
        java.util.Set<ModelKind> kinds = java.util.EnumSet.noneOf(ModelKind.class);
        // each kind's model space and consensus sizes, worked out once for all its datasets
        Map<ModelKind, Study> spaces = new java.util.EnumMap<>(ModelKind.class);
        Map<ModelKind, List<Integer>> sizes = new java.util.EnumMap<>(ModelKind.class);
        for (DatasetSource source : study.datasets()) {
            DatasetSource.Loaded loaded = source.load();
            for (Dataset dataset : loaded.datasets()) {
                String hash = Plan.hash(dataset);
                ModelKind kind = dataset.isClassification() ? ModelKind.CLASSIFICATION : ModelKind.REGRESSION;
                Study space = spaces.computeIfAbsent(kind, study::spaceFor);
                PrepareTask prepare = new PrepareTask(dataset.name(), hash, study.split(), space.descriptors(),
                        study.filters(), space.featureSetSelectors(), study.seed(), buildersFor(space, kind),
                        study.validation().forKind(kind, dataset.name()),
                        sizes.computeIfAbsent(kind, k -> consensusSizes(study, space, k)));
                io.qspace.data.OneVsRest family = dataset.classes() == null ? null : dataset.classes().family();
                String tooFew = family == null ? tooFewToModel(dataset, study, prepare)
                        : familyTooFew.computeIfAbsent(family.identity(), // once for all of the file's classes
                                id -> java.util.Optional.ofNullable(tooFewToModel(dataset, study, prepare)))
                                .orElse(null);
                if (tooFew == null) {
                    kinds.add(kind);
                    datasets.add(dataset);
                    hashes.add(hash);
                    roots.add(Invocation.of(prepare));
                } else {
                    skipped.add(new DatasetSource.SkippedDataset(dataset.name(), dataset.source(), tooFew,
                            dataset.issues()));
                }
            }
            skipped.addAll(loaded.skipped());
        }
        // the shape of the space most of its datasets are modelled in: a classification's own when all are
        Study space = spaces.computeIfAbsent(kinds.equals(java.util.EnumSet.of(ModelKind.CLASSIFICATION))
                ? ModelKind.CLASSIFICATION : ModelKind.REGRESSION, study::spaceFor);
        int gridPoints = space.builders().stream().mapToInt(b -> b.grid().size()).sum();
        Plan.Shape shape = new Plan.Shape(space.featureSetSelectors().size(), space.builders().size(), gridPoints,
                study.split().describe(), space.descriptors().describe(), study.validation().describe());
        return new Plan(study.name(), study.seed(), roots, study.store(),
                manifest(study, space, kinds.stream().map(sizes::get).filter(k -> !k.isEmpty()).findFirst()
                        .orElse(List.of()), kinds, datasets, skipped),
                datasets, skipped, hashes, shape, Runners.describeCurrent(), study.timeLimit());
    }

    /** The study's builders for a dataset of this kind: each builder's classifier counterpart for a classification. */
    static List<ModelBuilder> buildersFor(Study study, ModelKind kind) {
        return kind == ModelKind.CLASSIFICATION
                ? study.builders().stream().map(ModelBuilder::classifier).toList()
                : study.builders();
    }

    /**
     * A dataset's consensus sizes: the study's for its kind, or none when even every feature set x builder would be
     * fewer models than the smallest size (a classification's default top 3 of two builders on one feature set).
     */
    static List<Integer> consensusSizes(Study study, Study space, ModelKind kind) {
        List<Integer> sizes = study.consensusSizes(kind);
        int candidates = space.featureSetSelectors().size() * space.builders().size();
        if (sizes.isEmpty() || !io.qspace.validate.Consensus.fitting(sizes, candidates).isEmpty()) {
            return sizes;
        }
        if (study.consensusNamed()) { // asked for by name: say so rather than leave it out
            throw new IllegalStateException("study " + study.name() + " asks for a consensus of "
                    + io.qspace.validate.Consensus.sizesInWords(sizes) + " but makes at most " + candidates
                    + " models per dataset (" + space.featureSetSelectors().size() + " feature sets x "
                    + space.builders().size() + " builders): ask for a smaller size, e.g. .consensus(" + candidates
                    + "), or add builders or selectors");
        }
        return List.of();
    }

    /**
     * Why a classification cannot be cross-validated, or null when it can (and for a regression): a class with fewer
     * compounds than folds in the file, or in the training part after the split, which the prepare knows when
     * planning, so some fold would hold none of it. A class against the rest is judged with its file's classes: none
     * of them is modelled when one could not be (its own dataset needs no check: its rest holds every other class).
     */
    static String tooFewToModel(Dataset dataset, Study study, PrepareTask prepare) {
        if (!dataset.isClassification()) {
            return null;
        }
        io.qspace.data.OneVsRest family = dataset.classes().family();
        List<String> names = family == null ? dataset.classes().names() : family.classes();
        java.util.function.IntUnaryOperator code = family == null
                ? i -> (int) dataset.compounds().get(i).activity() : family::code;
        int folds = study.validation().folds();
        String outcome = family == null ? "so some fold would have none"
                : "so none of its " + names.size() + " classes is modelled";
        int[] inFile = new int[names.size()];
        for (int i = 0; i < dataset.size(); i++) {
            inFile[code.applyAsInt(i)]++;
        }
        for (int k = 0; k < inFile.length; k++) {
            if (inFile[k] < folds) {
                return "only " + inFile[k] + " '" + names.get(k) + "' compound(s) of " + dataset.size()
                        + (family == null ? "" : " in " + family.file()) + " (" + dataset.classes().rule()
                        + "): fewer than the " + folds + " cross-validation folds, " + outcome + "; "
                        + (family == null ? "use fewer folds" : "merge '" + names.get(k) + "' into another class")
                        + " or drop its rows";
            }
        }
        boolean[] test = prepare.testMask(dataset);
        int[] training = new int[inFile.length];
        for (int i = 0; i < test.length; i++) {
            if (!test[i]) {
                training[code.applyAsInt(i)]++;
            }
        }
        for (int k = 0; k < training.length; k++) {
            if (training[k] < folds) {
                return "only " + training[k] + " '" + names.get(k) + "' compound(s) in the training part of "
                        + (family == null ? dataset.name() : family.file()) + " after its split "
                        + study.split().describe() + ": fewer than the " + folds + " cross-validation folds, "
                        + outcome + "; " + (family == null ? "" : "merge '" + names.get(k) + "' into another class, ")
                        + "use fewer folds or a smaller test fraction";
            }
        }
        return null;
    }

    /**
     * What the study was, in words: kept with every run's results.
     *
     * @param sizes the consensus of the datasets that have one (in a space the study names, by default its
     *              classifications), or none
     */
    private static Map<String, String> manifest(Study study, Study space, List<Integer> sizes,
                                                java.util.Set<ModelKind> kinds, List<Dataset> datasets,
                                                List<DatasetSource.SkippedDataset> skipped) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("seed", Long.toString(study.seed()));
        p.put("datasets", Integer.toString(datasets.size()));
        p.put("dataset_names", String.join(",", datasets.stream().map(Dataset::name).toList()));
        p.put("skipped_datasets", Integer.toString(skipped.size()));
        p.put("split", study.split().describe());
        p.put("descriptors", space.descriptors().describe());
        p.put("filters", study.filters().describe());
        p.put("selectors", String.join(", ", space.featureSetSelectors().stream().map(Selector::name).toList()));
        p.put("builders", String.join(", ", space.builders().stream().map(Object::toString).toList()));
        if (!study.spaceNamed()) {
            p.put("model_space", Study.DEFAULT_SPACE);
        }
        p.put("validation", study.validation().describe());
        if (!sizes.isEmpty()) {
            p.put("consensus", io.qspace.validate.Consensus.sizesInWords(sizes) + (study.consensusNamed() ? ""
                    : study.spaceNamed() ? " (classifications, the default)" : " (the default space's)"));
            p.put(Results.CONSENSUS_CHOICE, kinds.stream().anyMatch(study::consensusChosenAlways)
                    ? Results.ALWAYS : "by-cv");
        }
        p.put("description", study.toString());
        return p;
    }
}
