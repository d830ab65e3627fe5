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
        // three folds are enough for the file's three actives, not for its training part: skipped at planning,
        // saying so, instead of a prepare that fails when it runs
        long actives = bzr().minCompounds(1).load().datasets().get(0).compounds().stream()
                .filter(c -> c.activity() >= 8.84).count();
        assertEquals(3, actives);
        Plan three = Study.named("rare").datasets(bzr().activeAtLeast(8.84)).validation(Validation.kFold(3))
                .store(store.toString()).plan();
        assertEquals(0, three.datasets().size(), three.datasets().toString());
        String training = three.skipped().get(0).reason();
        assertTrue(training.contains("'active' compound(s) in the training part of sutherland_BZR after its split")
                && training.contains("fewer than the 3 cross-validation folds, so some fold would have none;"
                + " use fewer folds or a smaller test fraction"), training);
        int inTraining = Integer.parseInt(training.replaceAll("^only (\\d+) .*", "$1"));
        assertTrue(inTraining < 3 && inTraining >= 2, training);
        Plan fitting = Study.named("rare").datasets(bzr().activeAtLeast(8.84))
                .validation(Validation.kFold(inTraining)).store(store.toString()).plan();
        assertEquals(1, fitting.datasets().size(), fitting.skipped().toString());
        assertEquals(0, fitting.skipped().size());
        io.qspace.results.Results rare = Study.named("rare").datasets(bzr().activeAtLeast(8.84))
                .validation(Validation.kFold(inTraining)).store(store.toString()).run();
        assertEquals(0, rare.failed(), "what the plan lets through, the prepare can split into folds");
        // left to its defaults, a classification's chosen model is the mean of the fingerprint space's 12 models
        io.qspace.results.StoredModel chosen = rare.best("sutherland_BZR");
        assertEquals(io.qspace.plan.ConsensusTask.BUILDER, chosen.provenance().builder());
        assertTrue(chosen.provenance().parameters().startsWith("k=12;"), chosen.provenance().parameters());
        double p = chosen.predict("C12=C(C(=NCC=3N1C(=NN3)C)C4=CC=CC=C4F)C=C(C=C2)Cl").value();
        assertTrue(p >= 0 && p <= 1, "a probability: " + p);
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
    void aClassificationLeftToItsDefaultsIsTheFingerprintSpaceWithTheMeanOfAllChosen() {
        Plan plan = Study.named("vote").datasets(bzr().activeAtLeast(7)).store(store.toString()).plan();
        assertEquals(1, plan.datasets().size(), plan.skipped().toString());
        // the fingerprint space as measured for classifications (bench/results/classification-summary.md): PaDEL's
        // atom pairs and training-mean GPs, not yet the regression's atom-pair fingerprint and leave-one-out mean
        assertEquals("ecfp4, fcfp4, ecfp6, atompairs", plan.manifest().get("selectors"), plan.manifest().toString());
        assertTrue(plan.manifest().get("builders").startsWith("svr(") && plan.manifest().get("builders")
                .contains("gp(kernel=tanimoto") && plan.manifest().get("builders").contains("rf(")
                && !plan.manifest().get("builders").contains("priorMean"), plan.manifest().get("builders"));
        assertEquals("all models (the default space's)", plan.manifest().get("consensus"));
        assertEquals(Study.DEFAULT_SPACE, plan.manifest().get("model_space"));
        assertEquals(io.qspace.results.Results.ALWAYS, plan.manifest().get(io.qspace.results.Results.CONSENSUS_CHOICE));
        assertTrue(plan.toString().contains("-> 1 consensus, mean of all models, always the chosen model"),
                plan.toString());
        assertEquals(1 + 2 * 4 * 3 + 1, plan.roots().get(0).task().expectedSubtreeSize(), "12 models and their mean");
        assertTrue(plan.toString().contains("large sets: gp: exact up to 4000 training rows, a seeded sample of that"
                + " many rows above"), plan.toString());
        // a builder added to it joins the fingerprint space (and the mean): the prepared fingerprints are reused
        Plan added = Study.named("vote").datasets(bzr().activeAtLeast(7)).addBuilders(io.qspace.model.Builders.knn()
                .k(5)).store(store.toString()).plan();
        assertEquals("ecfp4, fcfp4, ecfp6, atompairs", added.manifest().get("selectors"));
        assertEquals(1 + 2 * 4 * 4 + 1, added.roots().get(0).task().expectedSubtreeSize(), "16 models and their mean");
        assertEquals(plan.roots().get(0).id(), added.roots().get(0).id(), "the same prepare");
        // .noConsensus() leaves the mean out; a named consensus is chosen by CV
        Plan without = Study.named("vote").datasets(bzr().activeAtLeast(7)).noConsensus().store(store.toString())
                .plan();
        assertEquals(1 + 2 * 4 * 3, without.roots().get(0).task().expectedSubtreeSize());
        assertTrue(!without.manifest().containsKey("consensus") && !without.toString().contains("consensus"),
                without.toString());
        Plan named = Study.named("vote").datasets(bzr().activeAtLeast(7)).consensus(3).store(store.toString()).plan();
        assertEquals("the top [3] by CV", named.manifest().get("consensus"));
        assertEquals("by-cv", named.manifest().get(io.qspace.results.Results.CONSENSUS_CHOICE));
        // naming descriptors, selectors or builders keeps that space, with the top 3, 5 or 10 chosen by CV
        Plan ownSpace = Study.named("vote").datasets(bzr().activeAtLeast(7))
                .builders(io.qspace.model.Builders.defaults()).store(store.toString()).plan();
        assertEquals("the top [3, 5, 10] by CV (classifications, the default)", ownSpace.manifest().get("consensus"),
                ownSpace.manifest().toString());
        assertEquals("by-cv", ownSpace.manifest().get(io.qspace.results.Results.CONSENSUS_CHOICE));
        assertTrue(ownSpace.toString().contains(
                "-> 1 consensus, mean of the top [3, 5, 10] by CV, chosen when its nested CV is best"),
                ownSpace.toString());
        // a regression in the descriptor space has no consensus unless asked
        Plan regression = Study.named("reg").datasets(bzr()).descriptorSpace().store(store.toString()).plan();
        assertEquals(ownSpace.roots().get(0).task().expectedSubtreeSize() - 1,
                regression.roots().get(0).task().expectedSubtreeSize());
        assertTrue(!regression.manifest().containsKey("consensus") && !regression.manifest()
                .containsKey("model_space"), regression.manifest().toString());
        Plan asked = Study.named("reg").datasets(bzr()).descriptorSpace().consensus().store(store.toString()).plan();
        assertEquals(regression.roots().get(0).task().expectedSubtreeSize() + 1,
                asked.roots().get(0).task().expectedSubtreeSize());
        // both kinds in one study left to the default: the classification in the fingerprint space, the regression
        // with the same views' Gaussian processes, the mean of all chosen for both
        Plan mixed = Study.named("mixed").datasets(bzr().activeAtLeast(7), Datasets.csv(SampleData.folder()
                        .resolve("freewilson_CHEMBL2321810.csv").toString()).smiles("smiles").activity("activity"))
                .store(store.toString()).plan();
        assertTrue(mixed.toString().contains("-> 1 consensus, mean of all models, always the chosen model\n"),
                mixed.toString());
        assertEquals(Study.DEFAULT_SPACE, mixed.manifest().get("model_space"));
        assertEquals(1 + 2 * 6 + 1, mixed.roots().get(1).task().expectedSubtreeSize(), "6 builds and tests, the mean");
        assertEquals(plan.roots().get(0).task().expectedSubtreeSize(), mixed.roots().get(0).task().expectedSubtreeSize());
        // two builders on one feature set are fewer models than the smallest size: no consensus is planned
        Plan few = Study.named("few").datasets(bzr().activeAtLeast(7))
                .selectors(io.qspace.select.Selectors.filtered())
                .builders(io.qspace.model.Builders.logistic(), io.qspace.model.Builders.randomForest())
                .store(store.toString()).plan();
        assertTrue(!few.toString().contains("consensus") && !few.manifest().containsKey("consensus"), few.toString());
        assertEquals(1 + 2 * 2, few.roots().get(0).task().expectedSubtreeSize());
        // asked for by name, a consensus that cannot be made is an error at planning, saying what to do
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Study.named("few").datasets(bzr().activeAtLeast(7))
                        .selectors(io.qspace.select.Selectors.filtered())
                        .builders(io.qspace.model.Builders.logistic(), io.qspace.model.Builders.randomForest())
                        .consensus(5).store(store.toString()).plan());
        assertTrue(e.getMessage().contains("at most 2 models per dataset") && e.getMessage().contains(".consensus(2)"),
                e.getMessage());
        // the plan gives each classification's class balance
        assertTrue(few.toString().contains("sutherland_BZR: 163 compounds (121 active / 42 inactive)"), few.toString());
    }
}
