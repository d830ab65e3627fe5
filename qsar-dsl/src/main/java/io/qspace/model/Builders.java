package io.qspace.model;

import java.util.List;

/**
 * The built-in model builders. Each starts at a single point; fluent setters with several values make a grid, e.g.
 * {@code Builders.pls().components(2, 4, 6, 8)}.
 */
public final class Builders {
    private Builders() {}

    /** Multiple linear regression (ordinary least squares). */
    public static MlrBuilder mlr() {
        return new MlrBuilder();
    }

    /** Partial least squares (PLS1, NIPALS), standardised features. */
    public static PlsBuilder pls() {
        return new PlsBuilder();
    }

    /** One-hidden-layer neural network, standardised features. */
    public static MlpBuilder mlp() {
        return new MlpBuilder();
    }

    /** A single regression tree. */
    public static TreeBuilder tree() {
        return new TreeBuilder();
    }

    /** Random forest. */
    public static RandomForestBuilder randomForest() {
        return new RandomForestBuilder();
    }

    /** Gradient tree boosting. */
    public static GradientBoostingBuilder gradientBoosting() {
        return new GradientBoostingBuilder();
    }

    /** Epsilon support vector regression, RBF kernel; {@code .kernel("tanimoto")} for fingerprint counts. */
    public static SvrBuilder svr() {
        return new SvrBuilder();
    }

    /**
     * Gaussian-process regression: tanimoto kernel on fingerprint counts, RBF on descriptors; the model gives the
     * predictive variance too ({@link GaussianProcessModel#variance(double[])}).
     */
    public static GaussianProcessBuilder gaussianProcess() {
        return new GaussianProcessBuilder();
    }

    /** Distance-weighted k nearest neighbours, standardised features. */
    public static KnnBuilder knn() {
        return new KnnBuilder();
    }

    /**
     * L2 logistic regression for two classes ({@code C} grid 0.01 to 10, class weights "auto"): mlr's classifier
     * counterpart, which a classification study uses in mlr's place.
     */
    public static LogisticBuilder logistic() {
        return new LogisticBuilder();
    }

    /**
     * Support vector classification, RBF kernel; {@code .kernel("tanimoto")} for fingerprint counts; probabilities by
     * Platt scaling on inner out-of-fold decision values. svr's classifier counterpart.
     */
    public static SvmBuilder svm() {
        return new SvmBuilder();
    }

    /** The descriptor space's builders (SPEC-model-space.md), in the order mlr, pls, mlp, tree, rf, gbm, svr, knn. */
    public static List<ModelBuilder> defaults() {
        return List.of(
                mlr(),
                pls().components(2, 4, 6, 8),
                mlp().units(16, 64).epochs(100),
                tree().maxDepth(4, 8, 16).minLeaf(5),
                randomForest().trees(200).maxFeatures(1.0 / 3).minLeaf(1),
                gradientBoosting().trees(200).maxLeafNodes(6).subsample(0.7).learningRate(0.05, 0.1),
                svr().c(1, 10).epsilon(0.1).gammaScale().scaling("auto"),
                knn().k(3, 5, 9));
    }
}
