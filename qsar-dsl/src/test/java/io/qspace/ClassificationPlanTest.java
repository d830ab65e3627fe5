package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Datasets;
import io.qspace.plan.Plan;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 2 and 4 at plan time: datasets with too few of a class skipped; the choosing metric checked. */
class ClassificationPlanTest {
    @TempDir
    Path store;

    private static io.qspace.data.CsvSource bzr() {
        return Datasets.csv(SampleData.folder().resolve("sutherland_BZR.csv").toString()).smiles("smiles").id("id")
                .activity("pIC50");
    }

    @Test
    void aClassWithFewerCompoundsThanFoldsSkipsTheDatasetSayingWhy() {
        // BZR has 3 compounds at pIC50 >= 8.84: fewer than 5 folds
        Plan plan = Study.named("rare").datasets(bzr().activeAtLeast(8.84)).store(store.toString()).plan();
        assertEquals(0, plan.datasets().size());
        assertEquals(1, plan.skipped().size());
        String reason = plan.skipped().get(0).reason();
        assertTrue(reason.contains("only 3 'active' compound(s) of 163 (pIC50 >= 8.84): fewer than the 5"
                + " cross-validation folds"), reason);
        // three folds are enough for three actives
        long actives = bzr().minCompounds(1).load().datasets().get(0).compounds().stream()
                .filter(c -> c.activity() >= 8.84).count();
        Plan three = Study.named("rare").datasets(bzr().activeAtLeast(8.84)).validation(Validation.kFold((int) actives))
                .store(store.toString()).plan();
        assertEquals(1, three.datasets().size(), three.skipped().toString());
    }

    @Test
    void aRegressionMetricForAClassificationStopsThePlanNamingTheDataset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Study.named("mixed").datasets(bzr().activeAtLeast(7)).chooseBy("rmse").store(store.toString())
                        .plan());
        assertTrue(e.getMessage().contains("sutherland_BZR") && e.getMessage().contains("roc_auc, pr_auc"),
                e.getMessage());
        assertTrue(Study.named("ok").datasets(bzr().activeAtLeast(7)).chooseBy("pr_auc").store(store.toString())
                .plan().toString().contains("sutherland_BZR"));
    }

    @Test
    void aConsensusOfClassifiersIsPlannedAndNamedInTheManifest() {
        Plan plan = Study.named("vote").datasets(bzr().activeAtLeast(7)).consensus().store(store.toString()).plan();
        assertEquals(1, plan.datasets().size(), plan.skipped().toString());
        assertEquals("the top [3, 5, 10] by CV", plan.manifest().get("consensus"), plan.manifest().toString());
        // one more invocation after the builds and tests: the consensus
        Plan without = Study.named("vote").datasets(bzr().activeAtLeast(7)).store(store.toString()).plan();
        assertEquals(without.roots().get(0).task().expectedSubtreeSize() + 1,
                plan.roots().get(0).task().expectedSubtreeSize());
    }
}
