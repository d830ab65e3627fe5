package io.qspace.plan;

import io.qspace.store.StoreKeys;
import io.qspace.chem.DescriptorSet;
import io.qspace.model.ModelBuilder;
import io.qspace.results.Csv;
import io.qspace.store.Serialization;
import io.qspace.validate.CvResult;
import io.qspace.validate.FoldInputs;
import io.qspace.validate.GridSearch;
import io.qspace.validate.Metric;
import io.qspace.validate.Validation;
import io.qspace.validate.YRandomisation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Build and cross-validate (the paper's second workflow): for one feature set and one builder, k-fold CV over the
 * builder's parameter grid on the training part, choosing the point with the best CV metric (lowest RMSE for a
 * regression, highest ROC-AUC for a classification, or the metric the validation names).
 */
public record BuildTask(String prepareId, String dataset, String featureSet, ModelBuilder builder,
                        Validation validation, long studySeed,
                        // continuation; the dataset hash and split are in prepareId already, carried for provenance
                        DescriptorSet descriptors, String datasetHash, String split,
                        // continuation: the dataset's consensus, when the study makes one (null otherwise)
                        ConsensusJoin consensus) implements Task {

    @Override
    public String kind() {
        return "build";
    }

    @Override
    public String identity() {
        return String.join("|", "build", "prepared=" + prepareId, "featureSet=" + featureSet,
                "builder=" + builder, "code=" + CodeIdentity.of(builder), "validation=" + validation.describe(),
                "seed=" + studySeed);
    }

    @Override
    public String label() {
        return "build " + dataset + " / " + featureSet + " / " + builder.name();
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", dataset, "feature_set", featureSet, "builder", builder.name());
    }

    @Override
    public int expectedSubtreeSize() {
        return 2;
    }

    @Override
    public void run(TaskContext context) throws Exception {
        long start = System.nanoTime();
        FeatureMatrix fm = Serialization.read(context.store(), StoreKeys.features(prepareId, featureSet), FeatureMatrix.class);
        double[][] x = fm.xPart(false);
        double[] y = fm.yPart(false);
        GridSearch.Result search = GridSearch.best(builder, foldInputs(context, x), y, validation,
                InvocationSeeds.crossValidation(studySeed, datasetHash, split));
        context.store().put(StoreKeys.outOfFold(Invocation.of(this).id()),
                outOfFoldCsv(fm.part(fm.ids(), false), y, search.cv()).getBytes(StandardCharsets.UTF_8));
        int fits = search.fits();
        double yRandQ2 = Double.NaN;
        double yRandAuc = Double.NaN;
        if (validation.yRandomisations() > 0) {
            context.checkCancelled();
            // Stratified folds for a classification: each shuffle keeps the class counts and is scored by ROC-AUC too.
            CvResult[] shuffles = YRandomisation.results(search.best(), x, y, validation,
                    validation.yRandomisations(), context.seed());
            yRandQ2 = java.util.Arrays.stream(shuffles).mapToDouble(CvResult::q2).average().orElse(Double.NaN);
            if (validation.classifies()) {
                yRandAuc = java.util.Arrays.stream(shuffles).mapToDouble(Metric.ROC_AUC::of).average()
                        .orElse(Double.NaN);
            }
            fits += validation.yRandomisations() * validation.folds();
        }
        BuildOutcome outcome = new BuildOutcome(search.best(), search.cv().q2(), search.cv().rmse(), fits, yRandQ2,
                search.toString(), (System.nanoTime() - start) / 1e9, validation.selection().label(),
                search.cv().foldRmse(), validation.metric().label(), search.cv().classification(), yRandAuc);
        context.store().put(StoreKeys.build(Invocation.of(this).id()), Serialization.toBytes(outcome));
    }

    /**
     * The fold selections when this feature set was selected inside the folds, else the one training matrix for
     * every fold (selection before CV, or a feature set whose selection never looks at activities).
     */
    private FoldInputs foldInputs(TaskContext context, double[][] x) {
        if (validation.selectsInsideFolds()
                && Prepared.load(context.store(), prepareId).foldSelected().contains(featureSet)) {
            return Serialization.read(context.store(), StoreKeys.foldFeatures(prepareId, featureSet), FoldFeatures.class).inputs(validation);
        }
        return FoldInputs.same(x);
    }

    /** One line per training row and repeat: id, repeat, fold (from 1), observed, predicted out of fold. */
    static String outOfFoldCsv(List<String> ids, double[] observed, CvResult cv) {
        StringBuilder out = new StringBuilder("id,repeat,fold,observed,predicted\n");
        double[][] predictions = cv.predictions();
        int[][] folds = cv.folds();
        for (int r = 0; r < predictions.length; r++) {
            for (int i = 0; i < observed.length; i++) {
                out.append(Csv.row(List.of(ids.get(i), Integer.toString(r + 1), Integer.toString(folds[r][i] + 1),
                        Double.toString(observed[i]), Double.toString(predictions[r][i])))).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of(Invocation.of(new TestTask(Invocation.of(this).id(), prepareId, dataset, featureSet,
                builder.name(), studySeed, descriptors, datasetHash, split, consensus)));
    }

    /** A failed build has no test: its siblings' consensus may be waiting for it alone. */
    @Override
    public List<Invocation> afterFailure(TaskContext context) throws Exception {
        return consensus == null ? List.of() : consensus.whenAllEnded(context.store());
    }
}
