package io.qspace;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.ModelBuilder;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelTest {
    @TempDir
    Path store;

    @Test
    void aCancelledStudyStopsAndWhatFinishedIsReusedNextTime() throws Exception {
        ModelBuilder slow = ModelBuilder.of("slow", (x, y, seed) -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return row -> y[0];
        });
        Study study = SampleData.quickStudy("cancel", store).builders(slow);
        StudyRun run;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            run = runner.submit(study.plan(), ProgressListener.none());
            while (run.progress().executed() < 2) {
                Thread.sleep(20);
            }
            run.cancel();
        }
        assertTrue(run.isDone());
        assertThrows(CancellationException.class, run::await);
        int finishedBefore = run.progress().executed();
        Results again = study.run();
        assertTrue(again.reused() >= finishedBefore, "finished invocations are reused after a cancel");
        assertTrue(again.table().rowCount() == 2);
    }
}
