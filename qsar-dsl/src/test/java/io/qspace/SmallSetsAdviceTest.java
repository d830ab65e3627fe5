package io.qspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.CsvSource;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan advises the default fingerprint space for small regression sets on the descriptor space, and only then. */
class SmallSetsAdviceTest {
    @TempDir
    Path store;

    private static CsvSource bzr() {
        return Datasets.csv(SampleData.folder().resolve("sutherland_BZR.csv").toString()).smiles("smiles").id("id")
                .activity("pIC50");
    }

    private static CsvSource freeWilson() {
        return Datasets.csv(SampleData.folder().resolve("freewilson_CHEMBL2321810.csv").toString());
    }

    @Test
    void aSmallRegressionOnTheDescriptorSpaceGetsTheAdviceNamingIt() {
        String printed = Study.named("small").datasets(bzr()).descriptorSpace().store(store.toString()).plan()
                .toString();
        assertTrue(printed.contains("small sets: sutherland_BZR (163) compounds"), printed);
        assertTrue(printed.contains(".fingerprintGaussianProcesses().consensusOfAll()"), printed);
    }

    @Test
    void noAdviceForLargerSetsOtherSpacesOrClassifications() {
        for (Study study : new Study[] {
                Study.named("large").datasets(freeWilson()).descriptorSpace(),
                Study.named("default").datasets(bzr()),
                Study.named("fp").datasets(bzr()).fingerprintSpace().consensusOfAll(),
                Study.named("mine").datasets(bzr()).builders(Builders.randomForest()),
                Study.named("classes").datasets(bzr().activeAtLeast(7))}) {
            String printed = study.store(store.toString()).plan().toString();
            assertFalse(printed.contains("small sets:"), printed);
        }
    }
}
