package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.validate.ClassificationMetrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12, point 3: every built-in builder's classifier counterpart, class weights, and a one-lambda classifier. */
class ClassifiersTest {
    private static final int TRAIN = 200;

    /** Active when x0 + x1 - x2 > 0.3, a boundary every classifier should find from 200 rows. */
    private static double[] classes(double[][] x) {
        return Arrays.stream(x).mapToDouble(r -> r[0] + r[1] - r[2] > 0.3 ? 1 : 0).toArray();
    }

    private static double testAuc(ModelBuilder builder, double[][] x, double[] y) {
        double[][] trainX = Arrays.copyOfRange(x, 0, TRAIN);
        double[] trainY = Arrays.copyOfRange(y, 0, TRAIN);
        ModelBuilder point = builder.grid().get(0);
        Model model = point.fit(trainX, trainY, 5);
        double[] p = model.predict(Arrays.copyOfRange(x, TRAIN, x.length));
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1, builder + " predicts a probability, got " + v);
        }
        assertEquals(Arrays.toString(p), Arrays.toString(point.fit(trainX, trainY, 5)
                .predict(Arrays.copyOfRange(x, TRAIN, x.length))), builder + " is seeded");
        return ClassificationMetrics.rocAuc(Arrays.copyOfRange(y, TRAIN, y.length), p);
    }

    @Test
    void everyBuiltInBuilderHasAClassifierThatSeparatesTheClasses() {
        double[][] x = Synthetic.uniform(300, 5, 3);
        double[] y = classes(x);
        List<ModelBuilder> regressions = List.of(Builders.mlr(), Builders.pls().components(3),
                Builders.mlp().units(16).epochs(200), Builders.tree().maxDepth(6).minLeaf(3),
                Builders.randomForest().trees(60), Builders.gradientBoosting().trees(100), Builders.svr(),
                Builders.knn().k(9), Builders.gaussianProcess());
        List<String> names = regressions.stream().map(b -> b.classifier().name()).toList();
        assertEquals(List.of("logistic", "pls-da", "mlp", "tree", "rf", "gbm", "svm", "knn", "gp"), names);
        for (ModelBuilder regression : regressions) {
            ModelBuilder classifier = regression.classifier();
            double auc = testAuc(classifier, x, y);
            assertTrue(auc > 0.85, classifier + ": test ROC-AUC " + auc);
            assertEquals(classifier, classifier.classifier(), "a classifier's counterpart is itself");
        }
    }

    @Test
    void theTanimotoSvmClassifiesFingerprintCounts() {
        double[][] x = Synthetic.counts(300, 64, 4, 9);
        double[] y = Arrays.stream(x).mapToDouble(r -> r[0] + r[1] + r[2] + r[3] >= 3 ? 1 : 0).toArray();
        double auc = testAuc(Builders.svm().kernel("tanimoto"), x, y);
        assertTrue(auc > 0.75, "tanimoto svm: test ROC-AUC " + auc);
    }

    @Test
    void theClassifiersKeepTheirRegressionsGridAndParameters() {
        ModelBuilder gbm = Builders.gradientBoosting().trees(50).learningRate(0.05, 0.1).classifier();
        assertEquals(2, gbm.grid().size());
        assertTrue(gbm.toString().contains("loss=logistic") && gbm.toString().contains("classWeight=auto"), gbm.toString());
        ModelBuilder pls = Builders.pls().components(2, 4).classifier();
        assertEquals("pls-da(components=[2, 4])", pls.toString().replace("components=2, 4", "components=[2, 4]"));
        assertEquals(2, pls.grid().size());
        assertEquals("pls-da", pls.grid().get(1).name());
        ModelBuilder svm = Builders.svr().c(1, 10).kernel("tanimoto").classifier();
        assertEquals(2, svm.grid().size());
        assertTrue(svm.toString().startsWith("svm(") && svm.toString().contains("kernel=tanimoto"), svm.toString());
        assertTrue(Builders.gradientBoosting().classWeight("none").classifier().toString().contains("classWeight=none"));
    }

    @Test
    void aForestClassifierTriesATenthOfTheFeaturesUnlessItsFractionWasChanged() {
        ModelBuilder regression = Builders.randomForest();
        assertEquals(List.of(1.0 / 3), regression.paramGrid().values("maxFeatures"));
        ModelBuilder classifier = regression.classifier();
        assertEquals(List.of(0.1), classifier.paramGrid().values("maxFeatures"), classifier.toString());
        assertEquals("rf", classifier.name());
        assertEquals(List.of(0.5), Builders.randomForest().maxFeatures(0.5).classifier().paramGrid()
                .values("maxFeatures"));
        assertEquals(List.of(0.2, 0.5), Builders.randomForest().maxFeatures(0.2, 0.5).classifier().paramGrid()
                .values("maxFeatures"));
        assertEquals(classifier, classifier.classifier(), "a classifier's counterpart is itself");
    }

    /**
     * L2 logistic regression against scikit-learn 1.9.1: LogisticRegression(C, tol=1e-10) on StandardScaler'd rows
     * [i % 7, (i * 3) % 5, sin i], i = 0..23, classes (x0 + x1 + 2 x2 > 5) with rows 3 and 10 flipped (9 actives of
     * 24, so "auto" class weights stay off). Probabilities of rows 0, 5, 11 and 17.
     */
    @Test
    void logisticRegressionAgreesWithScikitLearn() {
        double[][] x = new double[24][];
        double[] y = new double[24];
        for (int i = 0; i < 24; i++) {
            x[i] = new double[] {i % 7, (i * 3) % 5, Math.sin(i)};
            y[i] = x[i][0] + x[i][1] + 2 * x[i][2] > 5 ? 1 : 0;
        }
        y[3] = 1 - y[3];
        y[10] = 1 - y[10];
        int[] rows = {0, 5, 11, 17};
        double[][] expected = {
                {0.20644289712798244, 0.3669921220392, 0.42960943425999504, 0.31757744027043383},
                {0.043503231143067936, 0.28889180317705915, 0.4432077008716436, 0.16443847248578003}};
        double[] cs = {0.1, 1.0};
        for (int c = 0; c < 2; c++) {
            Model model = Builders.logistic().c(cs[c]).fit(x, y, 1);
            for (int k = 0; k < rows.length; k++) {
                assertEquals(expected[c][k], model.predict(x[rows[k]]), 1e-4, "C=" + cs[c] + " row " + rows[k]);
            }
        }
    }

    @Test
    void balancedClassWeightsRaiseTheRareClassesProbabilities() {
        double[][] all = Synthetic.uniform(300, 5, 21);
        // about 10% actives, decided partly by a column the models do not see, so the classes overlap:
        // "auto" weighs the actives up, "none" does not
        double[] y = Arrays.stream(all).mapToDouble(r -> r[0] + r[4] > 2.0 ? 1 : 0).toArray();
        double[][] x = Arrays.stream(all).map(r -> Arrays.copyOf(r, 4)).toArray(double[][]::new);
        double actives = Arrays.stream(y).sum();
        assertTrue(actives > 10 && actives < 0.2 * y.length, "rare actives: " + actives);
        Map<ModelBuilder, ModelBuilder> weightedAndNot = new LinkedHashMap<>();
        weightedAndNot.put(Builders.logistic().c(1), Builders.logistic().c(1).classWeight("none"));
        weightedAndNot.put(Builders.gradientBoosting().trees(50).classifier(),
                Builders.gradientBoosting().trees(50).classWeight("none").classifier());
        weightedAndNot.put(Builders.mlp().units(8).epochs(100).classifier(),
                Builders.mlp().units(8).epochs(100).classWeight("none").classifier());
        weightedAndNot.put(Builders.randomForest().trees(50).minLeaf(5).classifier(),
                Builders.randomForest().trees(50).minLeaf(5).classWeight("none").classifier());
        weightedAndNot.put(Builders.tree().maxDepth(4).classifier(),
                Builders.tree().maxDepth(4).classWeight("none").classifier());
        weightedAndNot.forEach((b, none) -> {
            assertTrue(b.toString().contains("classWeight=auto") && none.toString().contains("classWeight=none"),
                    b + " / " + none);
            double weighted = Arrays.stream(b.fit(x, y, 3).predict(x)).average().orElseThrow();
            double plain = Arrays.stream(none.fit(x, y, 3).predict(x)).average().orElseThrow();
            assertTrue(weighted > 1.5 * plain, b.name() + ": mean probability " + weighted + " weighted, " + plain
                    + " unweighted");
            assertEquals(actives / y.length, plain, 0.05, b.name() + " unweighted stays near the active fraction");
        });
        assertEquals(null, ClassWeights.of("auto", new double[] {0, 1, 0, 1, 1}), "balanced classes: no weights");
        assertArrayEquals(new double[] {5 / 8.0, 5 / 2.0}, ClassWeights.perClass("balanced", new double[] {0, 1, 0, 0, 0}));
    }

    /**
     * The SVM's class weights are a C per class: on rare actives "auto" moves the decision boundary, so its Platt
     * probabilities differ from the unweighted SVM's; on balanced classes "auto" is no weighting at all.
     */
    @Test
    void anSvmWeighsTheRareClassByItsC() {
        double[][] all = Synthetic.uniform(200, 5, 21);
        double[] rare = Arrays.stream(all).mapToDouble(r -> r[0] + r[4] > 2.0 ? 1 : 0).toArray();
        double[][] x = Arrays.stream(all).map(r -> Arrays.copyOf(r, 4)).toArray(double[][]::new);
        ModelBuilder auto = Builders.svm().c(1);
        ModelBuilder none = Builders.svm().c(1).classWeight("none");
        assertTrue(auto.toString().contains("classWeight=auto"), auto.toString());
        assertTrue(Builders.svr().classifier().toString().contains("classWeight=auto"));
        assertTrue(Builders.svr().classWeight("none").classifier().toString().contains("classWeight=none"));
        double[] weighted = auto.fit(x, rare, 3).predict(x);
        double[] plain = none.fit(x, rare, 3).predict(x);
        assertFalse(Arrays.equals(weighted, plain), "rare actives: the weighted SVM is another model");
        double[] balanced = classes(x);
        assertArrayEquals(none.fit(x, balanced, 3).predict(x), auto.fit(x, balanced, 3).predict(x),
                "balanced classes: auto weighs nothing");
    }

    @Test
    void aUsersOneLambdaBuilderIsAClassifierWithItsPredictionClipped() {
        ModelBuilder overshoot = ModelBuilder.of("overshoot", (x, y, seed) -> row -> row[0] * 2);
        ModelBuilder classifier = overshoot.classifier();
        assertEquals("overshoot", classifier.name());
        Model model = classifier.fit(new double[][] {{0}, {1}}, new double[] {0, 1}, 1);
        assertEquals(1.0, model.predict(new double[] {0.9}));
        assertEquals(0.0, model.predict(new double[] {-0.3}));
        assertEquals(0.5, model.predict(new double[] {0.25}));
    }
}
