package io.qspace.plan;

import io.qspace.results.ResultColumn;
import io.qspace.results.ResultRecord;
import io.qspace.results.StoredModel;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import io.qspace.store.StoreKeys;
import io.qspace.validate.ClassCalibration;
import io.qspace.validate.ClassScores;
import io.qspace.validate.Consensus;
import io.qspace.validate.FoldRmse;
import io.qspace.validate.Metric;
import io.qspace.validate.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A dataset's consensus (the join of its invocation tree, made by {@link ConsensusJoin}): the mean of its top-k
 * models by CV, k chosen from a small grid, scored from the members' stored out-of-fold predictions without refitting
 * ({@link Consensus}: nested, so the choice of members and k is inside the score). Its test predictions are the
 * mean of its members' stored test predictions; it is stored as a model that predicts new structures with its
 * members, with one result record (builder "consensus", its members in the parameters).
 *
 * <p>A consensus of classifiers is the same procedure on probabilities of class 1, ranked by the metric that chose
 * the models (ROC-AUC by default): its out-of-fold probabilities are its members' means, its record has the class
 * measures of CV and test part, and it is calibrated (probabilities, Mondrian sets) from its own out-of-fold
 * probabilities as any classifier is.
 *
 * @param memberTests the ids of every test of the dataset that stored a model: the candidates
 */
public record ConsensusTask(String prepareId, String dataset, List<String> memberTests, List<Integer> sizes,
                           long studySeed, String datasetHash, String split) implements Task {

    public static final String BUILDER = "consensus";
    /**
     * Bump when stored outputs change shape or meaning. 2: the record names the metric that ranked the members
     * (chosen_by) and the parameters its plain score (plain_cv_rmse, plain_cv_roc_auc, ...).
     */
    static final String FORMAT = "2";

    public ConsensusTask {
        memberTests = List.copyOf(memberTests);
        sizes = List.copyOf(sizes);
    }

    @Override
    public String kind() {
        return "consensus";
    }

    @Override
    public boolean yieldsResult() {
        return true;
    }

    @Override
    public String identity() {
        return String.join("|", "consensus", "format=" + FORMAT, "prepared=" + prepareId,
                "candidates=" + String.join(",", memberTests), "sizes=" + sizes, "seed=" + studySeed);
    }

    @Override
    public String label() {
        return "consensus " + dataset + " (top " + sizes.stream().map(k -> k == Consensus.ALL ? "all" : k.toString())
                .toList() + " of " + memberTests.size() + ")";
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", dataset, "feature_set", BUILDER, "builder", BUILDER);
    }

    @Override
    public void run(TaskContext context) throws Exception {
        long start = System.nanoTime();
        ObjectStore store = context.store();
        String id = Invocation.of(this).id();
        List<StoredModel> candidates = new ArrayList<>();
        List<OutOfFold> oof = new ArrayList<>();
        for (String test : memberTests) {
            context.checkCancelled();
            StoredModel model = StoredModel.load(store, StoreKeys.model(test));
            candidates.add(model);
            oof.add(OutOfFold.parse(store, model.provenance().build()));
        }
        OutOfFold first = oof.get(0);
        for (int c = 1; c < oof.size(); c++) {
            first.checkSameRows(oof.get(c), candidates.get(c).provenance());
        }
        // the candidates were chosen by one metric, so they are ranked by it (lowest RMSE, highest ROC-AUC, ...)
        Metric metric = candidates.get(0).provenance().chosenMetric();
        boolean classifies = candidates.get(0).classifies();
        double[][][] predictions = oof.stream().map(OutOfFold::predicted).toArray(double[][][]::new);
        Consensus.Result result = new Consensus(first.observed(), first.folds(), predictions, metric).score(sizes);

        List<StoredModel> members = result.members().stream().map(candidates::get).toList();
        FeatureMatrix fm = Serialization.read(store, StoreKeys.features(prepareId, members.get(0).provenance()
                .featureSet()), FeatureMatrix.class);
        double[] yTest = fm.yPart(true);
        double[][] memberTest = new double[members.size()][];
        List<TestPredictions> memberRows = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            TestPredictions p = TestPredictions.parse(store, memberTests.get(result.members().get(m)), yTest.length);
            memberRows.add(p);
            memberTest[m] = p.predicted();
        }
        double[] predicted = Consensus.mean(memberTest);
        // written first: a consensus of classifiers is calibrated from its own out-of-fold probabilities, read back
        // as a single classifier's are
        store.put(StoreKeys.outOfFold(id), BuildTask.outOfFoldCsv(first.ids(), first.observed(), result.cv())
                .getBytes(StandardCharsets.UTF_8));
        ClassCalibration classes = classifies ? TestTask.classCalibration(store, id, datasetHash) : null;
        ResultRecord any = members.get(0).provenance();
        double seconds = (System.nanoTime() - start) / 1e9;
        // its feature set column names what was averaged: the top k by CV, or all the models that were made
        String averaged = (result.k() == candidates.size() ? "all-" : "top-") + result.k();
        ResultRecord record = new ResultRecord(dataset, averaged,
                members.stream().mapToInt(m -> m.provenance().features()).sum(), BUILDER,
                parameters(result, members, metric), result.cv().q2(), result.cv().rmse(),
                Metrics.r2(yTest, predicted), Metrics.rmse(yTest, predicted), Metrics.mae(yTest, predicted),
                Double.NaN, any.trainSize(), any.testSize(), 0, seconds, StoreKeys.model(id), ResultColumn.OK, "", id,
                datasetHash, split, studySeed, StoredModel.currentVersion(), any.selection(),
                FoldRmse.format(result.cv().foldRmse()), id, "", metric.label(), result.cv().classification(),
                classes == null ? null : ClassScores.ofTest(yTest, predicted, classes), Double.NaN, any.classBalance());
        StoredModel stored = StoredModel.consensus(record, members, classes);
        store.put(StoreKeys.model(id), Serialization.toBytes(stored));
        store.put(StoreKeys.predictions(id), TestPredictions.consensus(predicted, memberRows)
                .csv(fm.part(fm.ids(), true), fm.part(fm.smiles(), true), yTest, classes)
                .getBytes(StandardCharsets.UTF_8));
        store.put(StoreKeys.record(id), record.toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * "k=5; members=ecfp4/svr + all/rf + ...; plain_cv_rmse=0.612": the members best CV first, and the score of the
     * final consensus on the very rows that chose it (optimistic; the cv_rmse column, or cv_roc_auc for a
     * classification, is the nested score), by the metric that ranked them.
     */
    static String parameters(Consensus.Result result, List<StoredModel> members, Metric metric) {
        return "k=" + result.k() + "; members=" + members.stream()
                .map(m -> m.provenance().featureSet() + "/" + m.provenance().builder())
                .collect(Collectors.joining(" + "))
                + "; plain_cv_" + metric.label() + "=" + String.format(Locale.ROOT, "%.4f", result.plain());
    }

    @Override
    public List<Invocation> children(TaskContext context) {
        return List.of();
    }
}
