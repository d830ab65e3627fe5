package io.qspace.results;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.ColumnType;

/**
 * The columns of a study's results table, in order, with their types: the one place that says what a results CSV
 * holds. {@link ResultRecord} writes rows in this order, {@link Results} reads them with these types.
 */
public enum ResultColumn {
    DATASET("dataset", ColumnType.STRING),
    FEATURE_SET("feature_set", ColumnType.STRING),
    N_FEATURES("n_features", ColumnType.INTEGER),
    BUILDER("builder", ColumnType.STRING),
    PARAMETERS("parameters", ColumnType.STRING),
    CV_Q2("cv_q2", ColumnType.DOUBLE),
    CV_RMSE("cv_rmse", ColumnType.DOUBLE),
    TEST_R2("test_r2", ColumnType.DOUBLE),
    TEST_RMSE("test_rmse", ColumnType.DOUBLE),
    TEST_MAE("test_mae", ColumnType.DOUBLE),
    YRAND_Q2("yrand_q2", ColumnType.DOUBLE),
    N_TRAIN("n_train", ColumnType.INTEGER),
    N_TEST("n_test", ColumnType.INTEGER),
    FITS("fits", ColumnType.INTEGER),
    SECONDS("seconds", ColumnType.DOUBLE),
    MODEL("model", ColumnType.STRING),
    STATUS("status", ColumnType.STRING),
    ERROR("error", ColumnType.STRING),
    INVOCATION("invocation", ColumnType.STRING),
    DATASET_HASH("dataset_hash", ColumnType.STRING),
    SPLIT("split", ColumnType.STRING),
    SEED("seed", ColumnType.LONG),
    QSPACE_VERSION("qspace_version", ColumnType.STRING),
    /** "inside-folds" or "before-cv": where supervised selection happened relative to the CV folds. */
    SELECTION("selection", ColumnType.STRING),
    /** The chosen point's CV RMSE per fold, repeats separated by '|' and folds by ';' (FoldRmse). */
    CV_FOLD_RMSE("cv_fold_rmse", ColumnType.STRING),
    /** The build invocation that chose the point; its out-of-fold predictions are stored under its id. */
    BUILD("build", ColumnType.STRING),
    /** The descriptor set, its code's version and CDK's, e.g. "cdk-default [builtin, CDK 2.12]". */
    DESCRIPTOR_VERSION("descriptor_version", ColumnType.STRING),
    /** The CV metric that chose the grid point and ranks the dataset's models: "rmse", "roc_auc", ... */
    CHOSEN_BY("chosen_by", ColumnType.STRING),
    // Classification measures (empty for a regression): CV over every out-of-fold probability, then the test part
    // (MCC, balanced accuracy, F1 and Brier there on the probabilities calibrated on the out-of-fold ones).
    CV_ROC_AUC("cv_roc_auc", ColumnType.DOUBLE),
    CV_PR_AUC("cv_pr_auc", ColumnType.DOUBLE),
    CV_MCC("cv_mcc", ColumnType.DOUBLE),
    CV_BALANCED_ACCURACY("cv_balanced_accuracy", ColumnType.DOUBLE),
    CV_F1("cv_f1", ColumnType.DOUBLE),
    CV_BRIER("cv_brier", ColumnType.DOUBLE),
    TEST_ROC_AUC("test_roc_auc", ColumnType.DOUBLE),
    TEST_PR_AUC("test_pr_auc", ColumnType.DOUBLE),
    TEST_MCC("test_mcc", ColumnType.DOUBLE),
    TEST_BALANCED_ACCURACY("test_balanced_accuracy", ColumnType.DOUBLE),
    TEST_F1("test_f1", ColumnType.DOUBLE),
    TEST_BRIER("test_brier", ColumnType.DOUBLE),
    /** Mean CV ROC-AUC of the chosen point on y-randomised classes (about 0.5 for a model that learnt something). */
    YRAND_ROC_AUC("yrand_roc_auc", ColumnType.DOUBLE),
    /** The classes in the training and test parts, e.g. "train 30 active / 60 inactive; test 8 active / 15 inactive". */
    CLASS_BALANCE("class_balance", ColumnType.STRING);

    /** The status column's values: a model was made, or the invocation failed (the error column says why). */
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    private static final List<String> NAMES = Arrays.stream(values()).map(ResultColumn::label).toList();
    private static final ColumnType[] TYPES = Arrays.stream(values()).map(ResultColumn::type)
            .toArray(ColumnType[]::new);

    private final String label;
    private final ColumnType type;

    ResultColumn(String label, ColumnType type) {
        this.label = label;
        this.type = type;
    }

    /** The column's name in the CSV and the table, e.g. "cv_rmse". */
    public String label() {
        return label;
    }

    public ColumnType type() {
        return type;
    }

    public static List<String> names() {
        return NAMES;
    }

    static ColumnType[] types() {
        return TYPES.clone();
    }

    public static String header() {
        return String.join(",", NAMES);
    }
}
