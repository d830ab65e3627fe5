package io.qspace.store;

/** Where each kind of object lives in the store: one place, so readers and writers agree. */
public final class StoreKeys {
    private StoreKeys() {}

    public static String dataset(String hash) {
        return "datasets/" + hash + ".bin";
    }

    public static String descriptors(String hash) {
        return "descriptors/" + hash + ".bin";
    }

    public static String prepared(String prepareId) {
        return "prepared/" + prepareId + "/summary.bin";
    }

    public static String features(String prepareId, String featureSet) {
        return "prepared/" + prepareId + "/" + featureSet + ".bin";
    }

    /** The applicability domain of a feature set's training part, shared by every model built on it. */
    public static String domain(String prepareId, String featureSet) {
        return "prepared/" + prepareId + "/" + featureSet + ".domain";
    }

    /**
     * The domain scores of a feature set's test part (double[], test rows in file order): scored once where the domain
     * is fitted, since every model of the feature set reports the same ones.
     */
    public static String domainScoresOfTestPart(String prepareId, String featureSet) {
        return "prepared/" + prepareId + "/" + featureSet + ".domain-test-scores";
    }

    /** A supervised feature set's selections made inside each cross-validation fold ({@link FoldFeatures}). */
    public static String foldFeatures(String prepareId, String featureSet) {
        return "prepared/" + prepareId + "/" + featureSet + ".folds";
    }

    /** The chosen grid point's cross-validated predictions: id, repeat, fold, observed, predicted (CSV). */
    public static String outOfFold(String buildId) {
        return "out-of-fold/" + buildId + ".csv";
    }

    public static String build(String buildId) {
        return "builds/" + buildId + ".bin";
    }

    public static String model(String testId) {
        return "models/" + testId + ".model";
    }

    public static String record(String invocationId) {
        return "records/" + invocationId + ".csv";
    }

    public static String predictions(String testId) {
        return "predictions/" + testId + ".csv";
    }

    /** A failed invocation's record; removed when a later attempt succeeds. */
    public static String failure(String invocationId) {
        return "failures/" + invocationId + ".csv";
    }

    /** Written last, after every output: its presence means the invocation's outputs are complete. */
    public static String done(String invocationId) {
        return "done/" + invocationId;
    }

    /** The latest run's results table, a copy kept for readers of one file (pandas, a shell). */
    public static String studyResults(String study) {
        return "studies/" + study + "/results.csv";
    }

    /** Every run of a study lives below this prefix, one folder per run id. */
    public static String studyRuns(String study) {
        return "studies/" + study + "/runs/";
    }

    public static String runResults(String study, String runId) {
        return studyRuns(study) + runId + "/results.csv";
    }

    public static String runManifest(String study, String runId) {
        return studyRuns(study) + runId + "/manifest.properties";
    }

    public static String runIssues(String study, String runId) {
        return studyRuns(study) + runId + "/issues.csv";
    }

    /** Where a store written before runs had ids kept its one run's issues; read, never written. */
    public static String studyIssues(String study) {
        return "studies/" + study + "/issues.csv";
    }

    /** Where a store written before runs had ids kept its one run's manifest; read, never written. */
    public static String studyManifest(String study) {
        return "studies/" + study + "/manifest.properties";
    }
}
