package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Datasets;
import io.qspace.plan.Plan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
    @TempDir
    Path store;

    @Test
    void theDescriptorSpaceUnwindsIntoTheInvocationTreeOfThePaper() {
        Plan plan = Study.named("descriptors").datasets(SampleData.bzr()).descriptorSpace().store(store.toString())
                .plan();
        int featureSets = plan.featureSetsPerDataset();
        int builders = plan.shape().builders();
        assertTrue(featureSets >= 4 && featureSets <= 7, "the paper's prepare step gives four to seven feature sets");
        assertEquals(1 + 2 * featureSets * builders, plan.expectedInvocations());
        String shape = plan.toString();
        assertTrue(shape.contains(featureSets * builders + " build + cross-validate"), shape);
        assertTrue(shape.contains(plan.expectedInvocations() + " in all"), shape);
        assertTrue(!shape.contains("-> 1 consensus") && !plan.manifest().containsKey("model_space"), shape);
        assertTrue(shape.contains("small sets: sutherland_BZR (163) compounds"), "the plan advises the default");
    }

    @Test
    void aStudyThatNamesNoSpaceModelsARegressionWithTheFingerprintGaussianProcessesAndTheirMeanChosen() {
        Study study = Study.named("defaults").datasets(SampleData.bzr()).store(store.toString());
        Plan plan = study.plan();
        assertEquals(6, plan.featureSetsPerDataset());
        assertEquals(1 + 2 * 6 + 1, plan.expectedInvocations(), "prepare, 6 builds and tests, their mean");
        assertEquals("ecfp4, fcfp4, ecfp6, ap, tt, path7", plan.manifest().get("selectors"));
        assertEquals("ecfp(4,2048,counts)+fcfp(4,2048,counts)+ecfp(6,2048,counts)+ap(2048,counts)+tt(2048,counts)"
                + "+paths(7,2048,counts)", study.descriptors().describe());
        assertEquals(study.fingerprintGaussianProcesses().plan().expectedInvocations(),
                study.fingerprintSpace().plusPathViews().builders(study.builders()).plan().expectedInvocations());
        IllegalStateException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                study::plusPathViews);
        assertTrue(twice.getMessage().contains(".fingerprintSpace().plusPathViews()"), twice.getMessage());
        String learners = plan.manifest().get("builders");
        assertTrue(learners.startsWith("gp(") && learners.contains("priorMean=loo") && !learners.contains("svr")
                && !learners.contains("rf"), learners);
        assertEquals(study.fingerprintGaussianProcesses().builders().toString(), study.spaceFor(
                io.qspace.validate.ModelKind.REGRESSION).builders().toString());
        assertEquals(io.qspace.results.Results.ALWAYS, plan.manifest().get(io.qspace.results.Results.CONSENSUS_CHOICE));
        assertTrue(plan.toString().contains("-> 1 consensus, mean of all models, always the chosen model"),
                plan.toString());
        String described = study.toString();
        assertTrue(described.contains("space:       " + Study.DEFAULT_SPACE) && described.contains(
                "selectors:   ecfp4, fcfp4, ecfp6, ap, tt, path7") && described.contains(
                "consensus:   mean of all models, always the chosen model (the default"), described);
        // naming one part keeps the descriptor space's defaults for the rest, and no consensus for a regression
        Plan named = Study.named("named").datasets(SampleData.bzr()).builders(io.qspace.model.Builders.pls())
                .store(store.toString()).plan();
        assertEquals(study.descriptorSpace().plan().featureSetsPerDataset(), named.featureSetsPerDataset());
        assertEquals(1 + 2 * named.featureSetsPerDataset(), named.expectedInvocations(), named.toString());
        // a builder added to the default study stays, once, when a space is named after it
        io.qspace.model.ModelBuilder knn = io.qspace.model.Builders.knn().k(3);
        Study added = study.addBuilders(knn);
        assertEquals(study.builders().size() + 1, added.builders().size());
        for (Study space : java.util.List.of(added.descriptorSpace(), added.fingerprintSpace(),
                added.fingerprintGaussianProcesses(), added.spaceFor(io.qspace.validate.ModelKind.REGRESSION))) {
            java.util.List<io.qspace.model.ModelBuilder> builders = space.builders();
            assertTrue(builders.get(builders.size() - 1) == knn && builders.indexOf(knn) == builders.size() - 1,
                    builders.toString());
        }
        assertEquals(study.fingerprintSpace().builders().size() + 1, added.fingerprintSpace().builders().size());
        assertEquals(io.qspace.model.Builders.defaults().size() + 1, added.descriptorSpace().builders().size());
    }

    @Test
    void thePlanNamesTheRunnerThatStudyRunWouldUse() {
        Study study = Study.named("which-runner").datasets(SampleData.bzr()).store(store.toString());
        assertTrue(study.plan().toString().contains("runner: embedded, 4 slots (default)"), study.plan().toString());
        io.qspace.run.EmbeddedRunner two = new io.qspace.run.EmbeddedRunner(2);
        io.qspace.run.Runners.attach(two);
        try {
            assertEquals(two, io.qspace.run.Runners.current());
            assertTrue(study.plan().runner().equals("embedded, 2 slots (attached)"), study.plan().runner());
        } finally {
            io.qspace.run.Runners.detach();
        }
        assertTrue(study.plan().runner().endsWith("(default)"));
    }

    @Test
    void aSixHundredCompoundSetGivesAtLeastSixtyInvocationsInTheDescriptorSpace() {
        Path ace = SampleData.moleculeAce();
        Plan plan = Study.named("ace").store(store.toString()).descriptorSpace()
                .datasets(Datasets.csv(ace.resolve("CHEMBL2835_Ki.csv").toString()).smiles("smiles")
                        .activity("y [pEC50/pKi]").split("split"))
                .plan();
        assertEquals(1, plan.datasets().size());
        assertTrue(plan.datasets().get(0).size() >= 600, "CHEMBL2835_Ki has ~615 compounds");
        assertTrue(plan.expectedInvocations() >= 60, plan.toString());
    }

    @Test
    void theFingerprintSpaceIsFourViewsTimesThreeKernelOrForestBuildersWithItsConsensusChosen() {
        Study study = Study.named("fingerprints").datasets(SampleData.bzr()).store(store.toString())
                .fingerprintSpace().consensusAlways();
        assertEquals(java.util.List.of("ecfp4", "fcfp4", "ecfp6", "ap"),
                study.featureSetSelectors().stream().map(io.qspace.select.Selector::name).toList());
        assertEquals("ecfp(4,2048,counts)+fcfp(4,2048,counts)+ecfp(6,2048,counts)+ap(2048,counts)",
                study.descriptors().describe());
        // the space before session 14, kept for a classification left to its defaults: AP2D, training-mean GPs
        Study before = study.fingerprintSpaceAp2d();
        assertEquals("ecfp(4,2048,counts)+fcfp(4,2048,counts)+ecfp(6,2048,counts)+atompairs-v1",
                before.descriptors().describe());
        assertEquals("atompairs", before.featureSetSelectors().get(3).name());
        assertTrue(study.builders().get(1).toString().contains("priorMean")
                && !before.builders().get(1).toString().contains("priorMean"), before.builders().toString());
        assertEquals(java.util.List.of("svr", "gp", "rf"),
                study.builders().stream().map(io.qspace.model.ModelBuilder::name).toList());
        assertTrue(study.consensusChosenAlways(io.qspace.validate.ModelKind.REGRESSION));
        assertEquals(java.util.List.of(3, 5, 10), study.consensusSizes(io.qspace.validate.ModelKind.REGRESSION));
        assertTrue(study.toString().contains("always the chosen model"), study.toString());
        Plan plan = study.plan();
        assertEquals(4, plan.featureSetsPerDataset());
        assertEquals(1 + 2 * 4 * 3 + 1, plan.expectedInvocations(), "prepare, 12 builds and tests, the consensus");
        // consensus(...) after consensusAlways() is the rule by CV again
        assertTrue(!study.consensus(3).consensusChosenAlways(io.qspace.validate.ModelKind.CLASSIFICATION));
        Study all = study.consensusOfAll();
        assertTrue(all.consensusChosenAlways(io.qspace.validate.ModelKind.REGRESSION));
        assertEquals(java.util.List.of(io.qspace.validate.Consensus.ALL),
                all.consensusSizes(io.qspace.validate.ModelKind.CLASSIFICATION));
        assertTrue(all.toString().contains("consensus:   mean of all models, always the chosen model"),
                all.toString());
    }

    @Test
    void planningRunsNothing() {
        Study.named("nothing").datasets(SampleData.bzr()).store(store.toString()).plan();
        assertTrue(store.toFile().list() == null || store.toFile().list().length == 0,
                "planning writes nothing to the store");
    }
}
