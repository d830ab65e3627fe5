package io.qspace.store.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.StudyStoreContract;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * S3 goes away in the middle of a study and comes back on the same port and data: the study completes as if nothing
 * happened, every model once, the same numbers as an undisturbed run.
 */
class S3StudyOutageTest {
    @TempDir
    Path folder;

    @Test
    void aStudyOutlivesAFewSecondsOfS3OutageWithIdenticalResults() throws Exception {
        try (LocalS3 s3 = LocalS3.inFolder(folder.resolve("blobs"))) {
            s3.createBucket("calm");
            s3.createBucket("storm");
            Study calm = StudyStoreContract.quickStudy("outage", s3.uri("calm", "retryWindow=60s"));
            Results undisturbed;
            try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
                undisturbed = runner.run(calm.plan());
            }

            Study storm = calm.store(s3.uri("storm", "retryWindow=60s"));
            AtomicBoolean outageStarted = new AtomicBoolean();
            AtomicInteger finishedAtStop = new AtomicInteger(-1);
            CompletableFuture<Void> outage = new CompletableFuture<>();
            ProgressListener stopAfterSome = progress -> {
                // after the prepare step and a few models, not at the very end
                if (progress.finished() >= 4 && outageStarted.compareAndSet(false, true)) {
                    finishedAtStop.set(progress.finished());
                    CompletableFuture.runAsync(() -> {
                        try {
                            s3.stop();
                            Thread.sleep(3_000);
                            s3.start();
                            outage.complete(null);
                        } catch (Exception e) {
                            outage.completeExceptionally(e);
                        }
                    });
                }
            };
            Results disturbed;
            long start = System.nanoTime();
            try (EmbeddedRunner runner = new EmbeddedRunner(2)) {
                disturbed = runner.submit(storm.plan(), stopAfterSome).await();
            }
            outage.get(30, TimeUnit.SECONDS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(outageStarted.get(), "the outage happened");
            assertTrue(finishedAtStop.get() >= 4 && finishedAtStop.get() < 13,
                    "S3 stopped mid-study, after " + finishedAtStop.get() + " invocations");
            assertTrue(tookMs >= 3_000, "the study waited for S3 (" + tookMs + " ms)");
            assertEquals(0, disturbed.failed(), disturbed.failures().print());
            assertEquals(13, disturbed.executed());
            Table table = disturbed.table();
            assertEquals(6, table.rowCount(), table.print());
            assertEquals(6, table.stringColumn("model").unique().size(), "every model exactly once");
            assertTrue(table.stringColumn("status").allMatch("ok"::equals), table.print());
            assertEquals(StudyStoreContract.withoutTimes(undisturbed.table()).print(),
                    StudyStoreContract.withoutTimes(table).print(), "the same numbers as an undisturbed run");
            assertEquals(6, disturbed.store().list("models/").size());
        }
    }
}
