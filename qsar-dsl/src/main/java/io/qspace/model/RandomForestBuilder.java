package io.qspace.model;

import io.qspace.model.trees.Forest;
import io.qspace.model.trees.TreeSettings;
import java.util.List;

/**
 * Random forest as scikit-learn's RandomForestRegressor: bootstrap samples, a random fraction of the non-constant
 * features tried at each split, leaves down to minLeaf compounds, no depth limit. Histogram trees
 * ({@link Forest}); trees are grown on all cores, each from its own seed derived from ours.
 */
// 2: the fitted model is the algorithm's predict as a Model (trees and nn no longer know Model): old stored
// models of this builder do not read back, so its invocations run again
@io.qspace.code.Version(2)
public final class RandomForestBuilder extends GridBuilder {
    private static final long serialVersionUID = 1L;

    RandomForestBuilder() {
        this(defaults());
    }

    private RandomForestBuilder(ParamGrid grid) {
        super("rf", grid);
    }

    /** The regression's fraction of features tried at each split, Breiman's p/3 (scikit-learn's regressor: all). */
    static final double REGRESSION_MAX_FEATURES = 1.0 / 3;

    /**
     * The classifier's fraction when the regression's was kept: Breiman's rule is sqrt(p) for classification (what
     * scikit-learn's classifier does); on 1,100-1,500 ECFP4 columns 0.1 and sqrt(p) (0.03) gave the same test
     * ROC-AUC on six MoleculeACE sets, both above p/3 on five, and fit 2-5x faster than p/3.
     */
    static final double CLASSIFIER_MAX_FEATURES = 0.1;

    private static ParamGrid defaults() {
        return ParamGrid.of("trees", 200)
                .and("maxFeatures", REGRESSION_MAX_FEATURES)
                .and("minLeaf", 1);
    }

    public RandomForestBuilder trees(int... trees) {
        return (RandomForestBuilder) with("trees", boxed(trees));
    }

    /** The fraction of features tried at each split, in (0, 1]. */
    public RandomForestBuilder maxFeatures(double... fractions) {
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("rf: maxFeatures is a fraction in (0, 1], got " + f);
            }
        }
        return (RandomForestBuilder) with("maxFeatures", boxed(fractions));
    }

    public RandomForestBuilder minLeaf(int... sizes) {
        return (RandomForestBuilder) with("minLeaf", boxed(sizes));
    }

    /**
     * The forest on classes 0 and 1 (squared error on 0/1 is the Gini criterion; a leaf's mean is its fraction of
     * class 1), clipped to [0, 1], with class weights ({@link #classWeight}). A forest whose maxFeatures is the regression's default p/3 tries
     * {@value #CLASSIFIER_MAX_FEATURES} of the features instead, as classification forests should; any other value
     * or grid is kept.
     */
    @Override
    public ModelBuilder classifier() {
        if (paramGrid().has("criterion")) {
            return giniClassifier();
        }
        boolean keptRegressionDefault = paramGrid().values("maxFeatures").equals(List.of(REGRESSION_MAX_FEATURES));
        RandomForestBuilder forest = keptRegressionDefault
                ? (RandomForestBuilder) with("maxFeatures", CLASSIFIER_MAX_FEATURES) : this;
        return forest.giniClassifier();
    }

    /**
     * Class weights of its classifier: "auto" (balanced when a class is under 20 percent, the default), "balanced" or
     * "none"; no effect on a regression.
     */
    public RandomForestBuilder classWeight(String... modes) {
        return (RandomForestBuilder) withClassWeight(modes);
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new RandomForestBuilder(grid);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params params) {
        int p = x[0].length;
        // As scikit-learn: max(1, int(fraction * p)).
        int mtry = Math.max(1, (int) (params.getDouble("maxFeatures") * p));
        TreeSettings settings = new TreeSettings(Integer.MAX_VALUE, params.getInt("minLeaf"), mtry, Integer.MAX_VALUE);
        Forest forest = Forest.fit(x, y, classWeights(params, y), settings, true, Seeds.each(seed, params.getInt("trees")),
                Runtime.getRuntime().availableProcessors());
        return forest::predict;
    }
}
