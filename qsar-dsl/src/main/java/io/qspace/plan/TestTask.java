package io.qspace.plan;

import io.qspace.store.StoreKeys;
import io.qspace.chem.DescriptorSet;
import io.qspace.model.Model;
import io.qspace.results.ResultRecord;
import io.qspace.results.StoredModel;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import io.qspace.data.Dataset;
import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.ClassCalibration;
import io.qspace.validate.ClassScores;
import io.qspace.validate.FoldRmse;
import io.qspace.validate.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Test and store (the paper's last workflow): refit the chosen grid point on the whole training part, predict the
 * test part once, and store the model with its provenance, its test predictions and one result record.
 */
public record TestTask(String buildId, String prepareId, String dataset, String featureSet, String builderName,
                       long studySeed, DescriptorSet descriptors,
                       // provenance only: both are in buildId already
                       String datasetHash, String split,
                       // continuation: the dataset's consensus, when the study makes one (null otherwise)
                       ConsensusJoin consensus) implements Task {

    /** The id of the test of a build: what a consensus needs to find its siblings' models. */
    public static String idFor(String buildId, long studySeed) {
        return Invocation.idOf("test", identity(buildId, studySeed));
    }

    private static String identity(String buildId, long studySeed) {
        return String.join("|", "test", "build=" + buildId, "seed=" + studySeed);
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public boolean yieldsResult() {
        return true;
    }

    @Override
    public String identity() {
        return identity(buildId, studySeed);
    }

    @Override
    public String label() {
        return "test " + dataset + " / " + featureSet + " / " + builderName;
    }

    @Override
    public Map<String, String> coordinates() {
        return Map.of("dataset", dataset, "feature_set", featureSet, "builder", builderName);
    }

    @Override
    public void run(TaskContext context) throws Exception {
        long start = System.nanoTime();
        String id = Invocation.of(this).id();
        FeatureMatrix fm = Serialization.read(context.store(), StoreKeys.features(prepareId, featureSet), FeatureMatrix.class);
        BuildOutcome build = Serialization.read(context.store(), StoreKeys.build(buildId), BuildOutcome.class);
        double[][] xTrain = fm.xPart(false);
        double[] yTrain = fm.yPart(false);
        double[][] xTest = fm.xPart(true);
        double[] yTest = fm.yPart(true);

        // Seeded by what the model is (data, split, feature set, chosen point), not by how CV chose it: the same
        // point on the same feature set gives the same model with selection inside the folds or before CV.
        Model model = build.chosen().fit(xTrain, yTrain, InvocationSeeds.derive(studySeed,
                String.join("|", "final-fit", datasetHash, split, featureSet, build.chosen().toString(),
                        CodeIdentity.of(build.chosen()))));
        double[] predicted = model.predict(xTest);
        ApplicabilityDomain domain = Serialization.read(context.store(), StoreKeys.domain(prepareId, featureSet), ApplicabilityDomain.class);
        double seconds = build.seconds() + (System.nanoTime() - start) / 1e9;

        // a classifier is calibrated by class (probabilities, Mondrian sets), a regression by its residuals
        ClassCalibration classes = build.classifies() ? classCalibration(context.store(), buildId, datasetHash) : null;
        ResultRecord record = new ResultRecord(dataset, featureSet, fm.featureSet().size(), builderName,
                ResultRecord.parameters(build.chosen(), model), build.cvQ2(), build.cvRmse(),
                Metrics.r2(yTest, predicted), Metrics.rmse(yTest, predicted), Metrics.mae(yTest, predicted),
                build.yRandomisedQ2(), xTrain.length, xTest.length, build.fits() + 1, seconds,
                StoreKeys.model(id), io.qspace.results.ResultColumn.OK, "", id, datasetHash, split, studySeed,
                StoredModel.currentVersion(), build.selection(), FoldRmse.format(build.foldRmse()), buildId,
                descriptorVersion(descriptors), build.chosenBy(), build.cvClasses(),
                // a classifier's test part is scored as its predictions are given: MCC, balanced accuracy, F1 and
                // Brier on probabilities calibrated on the training part's out-of-fold predictions, ROC-AUC and
                // PR-AUC on its ranking
                build.classifies() ? ClassScores.ofTest(yTest, predicted, classes) : null, build.yRandomisedAuc(),
                build.classifies() ? Prepared.load(context.store(), prepareId).classBalance() : "");
        StoredModel stored = new StoredModel(record, descriptors, fm.featureSet(), fm.medians(), model, domain,
                studySeed, StoredModel.currentVersion(), build.chosen().params(), null,
                build.classifies() ? null : StoredModel.calibration(context.store(), buildId, domain), classes);
        context.store().put(StoreKeys.model(id), Serialization.toBytes(stored));
        double[] adScores = testPartScores(context, domain, xTest);
        boolean[] inDomain = new boolean[adScores.length];
        for (int i = 0; i < adScores.length; i++) {
            inDomain[i] = domain.inside(adScores[i]);
        }
        context.store().put(StoreKeys.predictions(id), new TestPredictions(predicted, adScores, inDomain)
                .csv(fm.part(fm.ids(), true), fm.part(fm.smiles(), true), yTest, classes)
                .getBytes(StandardCharsets.UTF_8));
        context.store().put(StoreKeys.record(id), record.toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** The descriptor set as it describes itself, with its code's identity and CDK's version. */
    static String descriptorVersion(DescriptorSet descriptors) {
        return descriptors.describe() + " [" + CodeIdentity.of(descriptors) + ", CDK "
                + io.qspace.code.QspaceVersion.cdk() + "]";
    }

    /**
     * The domain scores of the test part, as the prepare step stored them; scored here only for a prepare step
     * stored before it kept them.
     */
    private double[] testPartScores(TaskContext context, ApplicabilityDomain domain, double[][] xTest)
            throws java.io.IOException {
        java.util.Optional<byte[]> kept = context.store().get(StoreKeys.domainScoresOfTestPart(prepareId, featureSet));
        if (kept.isPresent()) {
            double[] scores = Serialization.fromBytes(kept.get(), double[].class);
            if (scores.length == xTest.length) {
                return scores;
            }
        }
        return domain.scores(xTest);
    }

    /**
     * A classifier's calibration from the stored out-of-fold probabilities of {@code outOfFoldId} (a build, or a
     * consensus), its class names read from the dataset; null when none were kept.
     */
    static ClassCalibration classCalibration(ObjectStore store, String outOfFoldId, String datasetHash) {
        return StoredModel.classCalibration(store, outOfFoldId,
                Serialization.read(store, StoreKeys.dataset(datasetHash), Dataset.class).classes().names());
    }

    @Override
    public List<Invocation> children(TaskContext context) throws Exception {
        return consensus == null ? List.of() : consensus.whenAllEnded(context.store());
    }

    @Override
    public List<Invocation> afterFailure(TaskContext context) throws Exception {
        return children(context);
    }
}
