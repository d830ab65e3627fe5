package io.qspace.results;

import io.qspace.model.ModelBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
                           String selection, String cvFoldRmse, String build) implements Serializable {

    public static final List<String> COLUMNS = List.of("dataset", "feature_set", "n_features", "builder",
            "parameters", "cv_q2", "cv_rmse", "test_r2", "test_rmse", "test_mae", "yrand_q2", "n_train", "n_test",
            "fits", "seconds", "model", "status", "error", "invocation", "dataset_hash", "split", "seed",
            "qspace_version", "selection", "cv_fold_rmse", "build");

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
        return String.join(",", COLUMNS);
    }

    /** A failed invocation as a row, so the results say what did not run and why; it has no model, so no seed. */
    public static ResultRecord failure(Map<String, String> coordinates, String invocation, String error) {
        return new ResultRecord(coordinates.getOrDefault("dataset", ""), coordinates.getOrDefault("feature_set", ""),
                0, coordinates.getOrDefault("builder", ""), "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, "", "failed", error, invocation,
                coordinates.getOrDefault("dataset_hash", ""), coordinates.getOrDefault("split", ""), 0,
                StoredModel.currentVersion(), "", "", "");
    }

    /** The chosen point's parameters as "k=v; k=v" (semicolons keep the CSV easy on the eye). */
    public static String parameters(ModelBuilder point) {
        return point.parameters().entrySet().stream().map(e -> e.getKey() + "=" + shown(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** Doubles to 4 significant digits for reading (1/3 as 0.3333); the invocation's identity keeps them whole. */
    private static String shown(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }

    public String toCsvRow() {
        return Csv.row(List.of(dataset, featureSet, Integer.toString(features), builder, parameters, num(cvQ2),
                num(cvRmse), num(testR2), num(testRmse), num(testMae), num(yRandomisedQ2), Integer.toString(trainSize),
                Integer.toString(testSize), Integer.toString(fits), num(seconds), model, status, error, invocation,
                datasetHash, split, status.equals("failed") ? "" : Long.toString(seed), qspaceVersion, selection, cvFoldRmse,
                build));
    }

    public String toCsv() {
        return header() + "\n" + toCsvRow() + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
