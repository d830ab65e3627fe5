package io.qspace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.Study;
import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.Descriptors;
import io.qspace.data.Dataset;
import io.qspace.model.Builders;
import io.qspace.plan.BuildOutcome;
import io.qspace.plan.FeatureMatrix;
import io.qspace.plan.FoldFeatures;
import io.qspace.plan.Prepared;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.select.Selectors;
import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of stored object reads back under its own class list, and under no other kind's. */
class StoredKindTest {
    @TempDir
    Path store;

    /** The type each stored binary object is read as, by its key (as the tasks that read them do). */
    static Class<?> typeOf(String key) {
        if (key.startsWith("datasets/")) {
            return Dataset.class;
        } else if (key.startsWith("descriptors/")) {
            return DescriptorMatrix.class;
        } else if (key.endsWith("/summary.bin")) {
            return Prepared.class;
        } else if (key.endsWith(".domain")) {
            return ApplicabilityDomain.class;
        } else if (key.endsWith(".domain-test-scores")) {
            return double[].class;
        } else if (key.endsWith(".folds")) {
            return FoldFeatures.class;
        } else if (key.startsWith("prepared/")) {
            return FeatureMatrix.class;
        } else if (key.startsWith("builds/")) {
            return BuildOutcome.class;
        } else if (key.startsWith("models/")) {
            return StoredModel.class;
        }
        return null;
    }

    @Test
    void everyObjectAStudyStoresReadsBackUnderItsKindAndNoOther() throws Exception {
        Results r = Study.named("kinds").datasets(SampleData.bzr()).descriptors(Descriptors.ecfp4())
                .selectors(Selectors.fingerprints(), Selectors.topCorrelated(20))
                .builders(Builders.mlr(), Builders.pls().components(2), Builders.mlp().units(8).epochs(20),
                        Builders.tree().maxDepth(4), Builders.randomForest().trees(20),
                        Builders.gradientBoosting().trees(20), Builders.svr().kernel("tanimoto"),
                        Builders.knn().k(3), Builders.gaussianProcess())
                .validation(Validation.kFold(3)).store(store.toString()).seed(5).run();
        assertEquals(0, r.failed(), r.failures().print());
        Map<StoredKind, String> oneOfEach = new TreeMap<>();
        try (ObjectStore s = ObjectStores.open(store.toString())) {
            for (String key : s.list("")) {
                Class<?> type = typeOf(key);
                if (type == null) {
                    continue;
                }
                Object read = Serialization.read(s, key, type);
                assertTrue(type.isInstance(read), key);
                oneOfEach.putIfAbsent(StoredKind.of(type), key);
            }
            assertEquals(4, oneOfEach.size(), "datasets, descriptors, prepared and models: " + oneOfEach);

            // a model where a descriptor matrix is expected, a matrix where a dataset is: refused by class
            IllegalStateException model = assertThrows(IllegalStateException.class,
                    () -> Serialization.read(s, oneOfEach.get(StoredKind.MODEL), DescriptorMatrix.class));
            assertTrue(model.getMessage().contains("is not one a DESCRIPTORS object is made of")
                    && model.getMessage().contains(oneOfEach.get(StoredKind.MODEL)), model.getMessage());
            IllegalStateException matrix = assertThrows(IllegalStateException.class,
                    () -> Serialization.read(s, oneOfEach.get(StoredKind.DESCRIPTORS), Dataset.class));
            assertTrue(matrix.getMessage().contains("io.qspace.chem.DescriptorMatrix is not one a DATASET object"),
                    matrix.getMessage());
        }
    }

    @Test
    void theKindIsChosenByTheTypeExpected() {
        assertEquals(StoredKind.DESCRIPTORS, StoredKind.of(DescriptorMatrix.class));
        assertEquals(StoredKind.MODEL, StoredKind.of(StoredModel.class));
        assertEquals(StoredKind.PREPARED, StoredKind.of(FoldFeatures.class));
        assertEquals(StoredKind.INVOCATION, StoredKind.of(io.qspace.plan.Invocation.class));
        assertEquals(StoredKind.INVOCATION, StoredKind.of(Object.class), "anything else is a study part");
    }
}
