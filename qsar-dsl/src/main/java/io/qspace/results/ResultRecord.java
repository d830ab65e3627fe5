package io.qspace.results;

import io.qspace.model.ModelBuilder;
import io.qspace.model.Params;
import io.qspace.validate.ClassScores;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One row of a study's results: one model (dataset x feature set x builder) with its chosen parameters, CV and test
 * metrics, or one failed invocation with its error. Stored as a one-row CSV per invocation and compacted per study.
 */
public record ResultRecord(String dataset, String featureSet, int features, String builder, String parameters,
                           double cvQ2, double cvRmse, double testR2, double testRmse, double testMae,
                           double yRandomisedQ2, int trainSize, int testSize, int fits, double seconds,
                           String model, String status, String error, String invocation,
                           // provenance: which data, which split, which seed and which code made the model
                           String datasetHash, String split, long seed, String qspaceVersion,
                           // how CV treated supervised selection, CV RMSE per fold, and the build that chose the point
                           String selection, String cvFoldRmse, String build,
                           // the descriptor set with its code's version and CDK's
                           String descriptorVersion,
                           // the metric that chose the model; for a classification its CV and test class measures
                           // and the y-randomised CV ROC-AUC (NONE and NaN for a regression)
                           String chosenBy, ClassScores cvClasses, ClassScores testClasses,
                           double yRandomisedAuc, String classBalance) implements Serializable {

    public ResultRecord {
        chosenBy = chosenBy == null ? "" : chosenBy;
        cvClasses = cvClasses == null ? ClassScores.NONE : cvClasses;
        testClasses = testClasses == null ? ClassScores.NONE : testClasses;
        classBalance = classBalance == null ? "" : classBalance;
    }

    /** A regression record without the classification columns. */
    public ResultRecord(String dataset, String featureSet, int features, String builder, String parameters,
                        double cvQ2, double cvRmse, double testR2, double testRmse, double testMae,
                        double yRandomisedQ2, int trainSize, int testSize, int fits, double seconds,
                        String model, String status, String error, String invocation,
                        String datasetHash, String split, long seed, String qspaceVersion,
                        String selection, String cvFoldRmse, String build, String descriptorVersion) {
        this(dataset, featureSet, features, builder, parameters, cvQ2, cvRmse, testR2, testRmse, testMae,
                yRandomisedQ2, trainSize, testSize, fits, seconds, model, status, error, invocation, datasetHash, split,
                seed, qspaceVersion, selection, cvFoldRmse, build, descriptorVersion, "", ClassScores.NONE,
                ClassScores.NONE, Double.NaN, "");
    }

    /** The metric that chose this model and ranks it among its dataset's (RMSE for a record older than chosen_by). */
    public io.qspace.validate.Metric chosenMetric() {
        return ModelChoice.metric(chosenBy);
    }

    /** Whether the model is a classifier: its record has class measures. */
    public boolean classifies() {
        return !Double.isNaN(cvClasses.brier());
    }

    /** A record made before descriptor versions were kept (tests, benchmarks): left empty. */
    public ResultRecord(String dataset, String featureSet, int features, String builder, String parameters,
                        double cvQ2, double cvRmse, double testR2, double testRmse, double testMae,
                        double yRandomisedQ2, int trainSize, int testSize, int fits, double seconds,
                        String model, String status, String error, String invocation,
                        String datasetHash, String split, long seed, String qspaceVersion,
                        String selection, String cvFoldRmse, String build) {
        this(dataset, featureSet, features, builder, parameters, cvQ2, cvRmse, testR2, testRmse, testMae,
                yRandomisedQ2, trainSize, testSize, fits, seconds, model, status, error, invocation, datasetHash, split,
                seed, qspaceVersion, selection, cvFoldRmse, build, "");
    }

    /** The column names in order: {@link ResultColumn} is where they and their types are written. */
    public static final List<String> COLUMNS = ResultColumn.names();

    /** A record made without the validation columns (runners' tests, benchmarks): they are left empty. */
    public ResultRecord(String dataset, String featureSet, int features, String builder, String parameters,
                        double cvQ2, double cvRmse, double testR2, double testRmse, double testMae,
                        double yRandomisedQ2, int trainSize, int testSize, int fits, double seconds,
                        String model, String status, String error, String invocation,
                        String datasetHash, String split, long seed, String qspaceVersion) {
        this(dataset, featureSet, features, builder, parameters, cvQ2, cvRmse, testR2, testRmse, testMae,
                yRandomisedQ2, trainSize, testSize, fits, seconds, model, status, error, invocation, datasetHash, split,
                seed, qspaceVersion, "", "", "");
    }

    public static String header() {
        return ResultColumn.header();
    }

    /** A failed invocation as a row, so the results say what did not run and why; it has no model, so no seed. */
    public static ResultRecord failure(Map<String, String> coordinates, String invocation, String error) {
        return new ResultRecord(coordinates.getOrDefault("dataset", ""), coordinates.getOrDefault("feature_set", ""),
                0, coordinates.getOrDefault("builder", ""), "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, "", ResultColumn.FAILED, error, invocation,
                coordinates.getOrDefault("dataset_hash", ""), coordinates.getOrDefault("split", ""), 0,
                StoredModel.currentVersion(), "", "", "");
    }

    /** The chosen point's parameters as "k=v; k=v" (semicolons keep the CSV easy on the eye), see {@link Params#readable}. */
    public static String parameters(ModelBuilder point) {
        return point.params().readable();
    }

    /** The point's parameters, followed by the approximation its model was fitted with, if any (e.g. Nystrom). */
    public static String parameters(ModelBuilder point, io.qspace.model.Model model) {
        return parameters(point) + (model instanceof io.qspace.model.Approximation a && !a.approximation().isEmpty()
                ? "; fitted=" + a.approximation() : "");
    }

    public boolean failed() {
        return ResultColumn.FAILED.equals(status);
    }

    public String toCsvRow() {
        return Csv.row(java.util.Arrays.stream(ResultColumn.values()).map(this::value).toList());
    }

    /** This record's value of one column, as CSV text (missing numbers empty). */
    public String value(ResultColumn column) {
        return switch (column) {
            case DATASET -> dataset;
            case FEATURE_SET -> featureSet;
            case N_FEATURES -> Integer.toString(features);
            case BUILDER -> builder;
            case PARAMETERS -> parameters;
            case CV_Q2 -> num(cvQ2);
            case CV_RMSE -> num(cvRmse);
            case TEST_R2 -> num(testR2);
            case TEST_RMSE -> num(testRmse);
            case TEST_MAE -> num(testMae);
            case YRAND_Q2 -> num(yRandomisedQ2);
            case N_TRAIN -> Integer.toString(trainSize);
            case N_TEST -> Integer.toString(testSize);
            case FITS -> Integer.toString(fits);
            case SECONDS -> num(seconds);
            case MODEL -> model;
            case STATUS -> status;
            case ERROR -> error;
            case INVOCATION -> invocation;
            case DATASET_HASH -> datasetHash;
            case SPLIT -> split;
            case SEED -> failed() ? "" : Long.toString(seed);
            case QSPACE_VERSION -> qspaceVersion;
            case SELECTION -> selection;
            case CV_FOLD_RMSE -> cvFoldRmse;
            case BUILD -> build;
            case DESCRIPTOR_VERSION -> descriptorVersion;
            case CHOSEN_BY -> chosenBy;
            case CV_ROC_AUC -> num(cvClasses.rocAuc());
            case CV_PR_AUC -> num(cvClasses.prAuc());
            case CV_MCC -> num(cvClasses.mcc());
            case CV_BALANCED_ACCURACY -> num(cvClasses.balancedAccuracy());
            case CV_F1 -> num(cvClasses.f1());
            case CV_BRIER -> num(cvClasses.brier());
            case TEST_ROC_AUC -> num(testClasses.rocAuc());
            case TEST_PR_AUC -> num(testClasses.prAuc());
            case TEST_MCC -> num(testClasses.mcc());
            case TEST_BALANCED_ACCURACY -> num(testClasses.balancedAccuracy());
            case TEST_F1 -> num(testClasses.f1());
            case TEST_BRIER -> num(testClasses.brier());
            case YRAND_ROC_AUC -> num(yRandomisedAuc);
            case CLASS_BALANCE -> classBalance;
        };
    }

    public String toCsv() {
        return header() + "\n" + toCsvRow() + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
