package io.qspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.store.StoreKeys;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The study-level promises of the store, the same for every store: a study run twice executes nothing the second
 * time, one more builder runs only its own invocations on stored descriptors, results load back equal, and every
 * model carries its provenance. Subclasses say where the store is (a folder, an S3 bucket).
 */
public abstract class StudyStoreContract {
    /** A fresh, empty store location for one test, as a URI a study accepts. */
    protected abstract String freshStore(String name) throws Exception;

    protected Study quick(String name, String store) {
        return quickStudy(name, store);
    }

    /** SampleData's quick study from any module's folder (SampleData looks for the data next to qsar-dsl only). */
    public static Study quickStudy(String name, String store) {
        Path bzr = samples().resolve("sutherland_BZR.csv");
        return SampleData.quickStudy(name, Path.of(".")).store(store)
                .datasets(io.qspace.data.Datasets.csv(bzr.toString()).smiles("smiles").id("id"));
    }

    /** datasets-sample/ of the project, found from the working folder upwards. */
    public static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isDirectory(dir.resolve("datasets-sample"))) {
                return dir.resolve("datasets-sample");
            }
        }
        throw new IllegalStateException("no datasets-sample/ above " + Path.of("").toAbsolutePath());
    }

    /** The table without its timings, which differ between runs by nature. */
    public static Table withoutTimes(Table table) {
        return table.copy().removeColumns("seconds");
    }

    @Test
    void aStudyRunTwiceExecutesNothingTheSecondTimeAndLoadsBackEqual() throws Exception {
        String uri = freshStore("twice");
        Study study = quick("twice", uri);
        Results first = study.run();
        Results second = study.run();
        assertEquals(13, first.executed(), first.summary().toString());
        assertEquals(0, second.executed());
        assertEquals(13, second.reused());
        assertEquals(first.table().print(), second.table().print());
        try (ObjectStore store = ObjectStores.open(uri)) {
            Results loaded = Results.load(store, "twice");
            assertEquals(first.table().print(), loaded.table().print());
            assertEquals(6, loaded.table().rowCount());
            assertEquals(6, loaded.table().stringColumn("model").unique().size(), "every model once");
        }
    }

    @Test
    void oneMoreBuilderRunsOnlyItsOwnInvocationsOnStoredDescriptors() throws Exception {
        String uri = freshStore("more");
        Study study = quick("more", uri);
        Results first = study.run();
        try (ObjectStore store = ObjectStores.open(uri)) {
            List<String> descriptors = store.list("descriptors/");
            assertEquals(1, descriptors.size(), descriptors.toString());
            byte[] before = store.get(descriptors.get(0)).orElseThrow();

            Results more = study.addBuilders(Builders.tree().maxDepth(4)).run();
            // 2 feature sets x 1 new builder x (build + test); the prepare step and the old models are reused
            assertEquals(4, more.executed());
            assertEquals(1 + 6 * 2, more.reused());
            assertEquals(8, more.table().rowCount());
            assertEquals(descriptors, store.list("descriptors/"), "no descriptors recomputed");
            assertArrayEquals(before, store.get(descriptors.get(0)).orElseThrow());
            // the old rows are unchanged: the new table is the old one plus the tree's rows
            Table old = more.table().where(more.table().stringColumn("builder").isNotEqualTo("tree"));
            assertEquals(first.table().print(), old.print());
        }
    }

    @Test
    void everyModelCarriesItsProvenanceAndTheManifestDescribesTheStudy() throws Exception {
        String uri = freshStore("provenance");
        Results results = quick("provenance", uri).builders(Builders.mlr()).run();
        Table table = results.table();
        assertEquals(2, table.rowCount());
        String hash = table.stringColumn("dataset_hash").get(0);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertTrue(table.stringColumn("dataset_hash").allMatch(hash::equals));
        assertTrue(table.stringColumn("split").allMatch(s -> !s.isEmpty()), table.print());
        assertTrue(table.longColumn("seed").asList().stream().allMatch(s -> s == 7L), table.print());
        assertTrue(table.stringColumn("qspace_version").allMatch(v -> !v.isEmpty()));

        StoredModel model = results.best("sutherland_BZR");
        assertEquals(hash, model.provenance().datasetHash());
        assertEquals(table.stringColumn("split").get(0), model.provenance().split());
        assertEquals(7L, model.seed());
        assertEquals(7L, model.provenance().seed());
        assertFalse(model.featureSet().names().isEmpty());
        assertEquals("mlr", model.provenance().builder());

        try (ObjectStore store = ObjectStores.open(uri)) {
            String manifest = new String(store.require(StoreKeys.runManifest("provenance", results.runId())), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\nbuilders=mlr"), manifest);
            assertTrue(manifest.contains("\nvalidation="), manifest);
        }
        assertTrue(results.summary().get("description").contains("Study provenance"), results.summary().toString());
        assertTrue(results.summary().get("description").contains("seed:        7"), results.summary().toString());
        assertEquals("sutherland_BZR", results.summary().get("dataset_names"));
    }
}
