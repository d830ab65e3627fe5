package io.qspace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.StudyStoreContract;
import io.qspace.store.StoreKeys;
import io.qspace.results.Results;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A write that finally fails fails its invocation, and leaves nothing a reader would take for a whole result; the
 * next run completes what failed and reuses the rest.
 */
class FailedWriteTest {
    @TempDir
    Path dir;

    @Test
    void aFailedRecordWriteFailsOnlyItsInvocationAndARerunCompletesIt() throws Exception {
        Path folder = dir.resolve("store");
        // the first test invocation's result record cannot be written, nor (the store being down) its failure record
        AtomicReference<String> victim = new AtomicReference<>();
        String uri = FailingStores.failing(folder, key -> {
            if (key.startsWith("records/test-")) {
                victim.compareAndSet(null, key.substring("records/".length(), key.length() - ".csv".length()));
            }
            String id = victim.get();
            return id != null && (key.equals(StoreKeys.record(id)) || key.equals(StoreKeys.failure(id)));
        });
        Results broken = StudyStoreContract.quickStudy("faults", uri).run();
        String id = victim.get();
        assertTrue(id != null && id.startsWith("test-"), "a test invocation was hit: " + id);

        assertEquals(1, broken.failed(), broken.table().print());
        assertEquals(12, broken.executed());
        Table failed = broken.failures();
        assertEquals(1, failed.rowCount(), broken.table().print());
        assertEquals(id, failed.stringColumn("invocation").get(0));
        assertTrue(failed.stringColumn("error").get(0).contains("injected"), failed.print());
        assertFalse(failed.stringColumn("builder").get(0).isEmpty(), "the failure says which model it was");
        assertEquals("", failed.stringColumn("model").get(0), "a failed row points to no model");
        Table ok = broken.table().where(broken.table().stringColumn("status").isEqualTo("ok"));
        assertEquals(5, ok.rowCount());
        assertFalse(ok.stringColumn("invocation").contains(id), "no row of the failed invocation reads as whole");

        FileStore files = new FileStore(folder);
        assertFalse(files.exists(StoreKeys.done(id)), "no done marker: the next run must not reuse it");
        assertFalse(files.exists(StoreKeys.record(id)));

        FailingStores.heal(folder);
        Results healed = StudyStoreContract.quickStudy("faults", uri).run();
        assertEquals(1, healed.executed(), "only the failed invocation runs again");
        assertEquals(12, healed.reused());
        assertEquals(0, healed.failed());
        assertEquals(6, healed.table().rowCount(), healed.table().print());
        assertTrue(healed.table().stringColumn("status").allMatch("ok"::equals));
        assertTrue(healed.table().stringColumn("invocation").contains(id));
        assertTrue(files.exists(StoreKeys.done(id)));
        assertFalse(files.exists(StoreKeys.failure(id)));
    }

    @Test
    void aRunWhoseManifestCannotBeWrittenIsNotListedAsFinishedAndARerunReusesItsWork() throws Exception {
        Path folder = dir.resolve("store");
        String uri = FailingStores.failing(folder, key -> key.endsWith("/manifest.properties"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> StudyStoreContract.quickStudy("manifests", uri).run());
        assertTrue(e.getMessage().contains("manifests"), e.getMessage());
        FileStore files = new FileStore(folder);
        assertEquals(List.of(), Results.runs(files, "manifests"),
                "a run's table marks it finished: none may be there without the run's manifest");

        FailingStores.heal(folder);
        Results healed = StudyStoreContract.quickStudy("manifests", uri).run();
        assertEquals(0, healed.executed(), "the failed run's invocations were done and are reused");
        assertEquals(1, Results.runs(files, "manifests").size());
        assertEquals("13", healed.summary().get("reused"), "the finished run has its manifest");
    }
}
