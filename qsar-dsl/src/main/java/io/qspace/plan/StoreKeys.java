package io.qspace.plan;

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

    public static String studyResults(String study) {
        return "studies/" + study + "/results.csv";
    }

    public static String studyIssues(String study) {
        return "studies/" + study + "/issues.csv";
    }

    public static String studyManifest(String study) {
        return "studies/" + study + "/manifest.properties";
    }
}
