package io.qspace.validate;

import io.qspace.split.Folds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 12, point 2: a classification's folds keep its class balance; a regression's folds are unchanged. */
class StratifiedFoldsTest {
    @Test
    void everyFoldHoldsItsShareOfEachClass() {
        // 9 actives among 50: plain folds could leave a fold with none
        double[] y = new double[50];
        for (int i = 0; i < 9; i++) y[i * 5 + 2] = 1;
        Validation v = Validation.kFold(5).repeated(3).forKind(ModelKind.CLASSIFICATION, "toy");
        for (int r = 0; r < 3; r++) {
            int[] fold = v.foldsOf(y, 99, r);
            int[] actives = new int[5];
            int[] sizes = new int[5];
            for (int i = 0; i < y.length; i++) {
                sizes[fold[i]]++;
                if (y[i] == 1) actives[fold[i]]++;
            }
            for (int f = 0; f < 5; f++) {
                assertTrue(actives[f] == 1 || actives[f] == 2, "repeat " + r + " fold " + f + ": " + actives[f]);
                assertEquals(10, sizes[f], "fold sizes stay even");
            }
            assertArrayEquals(fold, v.foldsOf(y, 99, r), "the same seed deals the same folds");
        }
        assertTrue(v.describeFolds().startsWith("stratified-kfold(5)"), v.describeFolds());
    }

    @Test
    void aRegressionsFoldsAndIdentityAreWhatTheyWere() {
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) y[i] = i % 2;
        Validation v = Validation.kFold(5);
        assertArrayEquals(Folds.assign(30, 5, 7), v.foldsOf(y, 7, 0));
        assertEquals("kfold(5)+selection(inside-folds)", v.describe());
        assertEquals("kfold(5)+selection(inside-folds)+by(roc_auc)",
                v.forKind(ModelKind.CLASSIFICATION, "x").describe().replace("stratified-", ""));
    }

    @Test
    void aMetricOfTheOtherKindIsRefusedNamingTheDataset() {
        Validation byAuc = Validation.kFold(5).chooseBy("pr_auc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> byAuc.forKind(ModelKind.REGRESSION, "CHEMBL204_Ki"));
        assertTrue(e.getMessage().contains("pr_auc") && e.getMessage().contains("CHEMBL204_Ki")
                && e.getMessage().contains("rmse or q2"), e.getMessage());
        assertEquals(Metric.PR_AUC, byAuc.forKind(ModelKind.CLASSIFICATION, "x").metric());
        assertEquals(Metric.ROC_AUC, Validation.kFold(5).forKind(ModelKind.CLASSIFICATION, "x").metric());
        assertThrows(IllegalArgumentException.class, () -> Validation.kFold(5).chooseBy("accuracy"));
    }
}
