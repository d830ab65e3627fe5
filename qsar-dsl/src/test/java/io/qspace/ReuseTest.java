package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's 'algorithm inputs': what is stored is found again instead of recomputed. */
class ReuseTest {
    @TempDir
    Path store;

    @Test
    void runningTheSameStudyTwiceExecutesNothingTheSecondTime() {
        Study study = SampleData.quickStudy("twice", store);
        Results first = study.run();
        Results second = study.run();
        assertEquals(13, first.executed());
        assertEquals(0, second.executed());
        assertEquals(13, second.reused());
        assertEquals(first.table().print(), second.table().print());
    }

    @Test
    void oneMoreBuilderRunsOnlyItsOwnInvocationsOnStoredDescriptors() throws IOException {
        Study study = SampleData.quickStudy("more", store);
        study.run();
        FileStore files = new FileStore(store);
        int descriptorObjects = files.list("descriptors/").size();
        var descriptorsBefore = files.get(files.list("descriptors/").get(0)).orElseThrow();

        Results more = study.addBuilders(Builders.tree().maxDepth(4)).run();
        // 2 feature sets x 1 new builder x (build + test); the prepare step and the old models are reused
        assertEquals(4, more.executed());
        assertEquals(1 + 6 * 2, more.reused());
        assertEquals(8, more.table().rowCount());
        assertEquals(descriptorObjects, files.list("descriptors/").size(), "no descriptors recomputed");
        assertEquals(java.util.Arrays.hashCode(descriptorsBefore),
                java.util.Arrays.hashCode(files.get(files.list("descriptors/").get(0)).orElseThrow()));
    }

    @Test
    void changingOneDatasetRecomputesOnlyThatDatasetsSubtree() throws IOException {
        Path data = store.resolve("data");
        java.nio.file.Files.createDirectories(data);
        Path bzr = data.resolve("bzr.csv");
        java.nio.file.Files.copy(SampleData.folder().resolve("sutherland_BZR.csv"), bzr);
        Path fw = data.resolve("fw.csv");
        java.nio.file.Files.copy(SampleData.folder().resolve("freewilson_CHEMBL2321810.csv"), fw);
        Study two = SampleData.quickStudy("two", store.resolve("out"))
                .datasets(io.qspace.data.Datasets.csv(data + "/*.csv").smiles("smiles").id("id"));
        Results first = two.run();
        assertEquals(26, first.executed());

        // one measured value in one dataset changes
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(bzr));
        String[] fields = lines.get(1).split(",");
        fields[fields.length - 1] = Double.toString(Double.parseDouble(fields[fields.length - 1]) + 1.0);
        lines.set(1, String.join(",", fields));
        java.nio.file.Files.write(bzr, lines);

        Results second = two.run();
        assertEquals(13, second.executed(), "only the changed dataset's subtree runs again");
        assertEquals(13, second.reused());
    }
}
