package io.qspace.grid;

import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import java.nio.file.Path;

/**
 * A client in a JVM of its own, for a test to kill: submits GridTrustIT's orphan study, says so, and waits.
 * Arguments: cluster@members, store folder, study name.
 */
public final class SubmittingClient {
    private SubmittingClient() {}

    public static void main(String[] args) throws Exception {
        GridRunner grid = Grid.connect(args[0]);
        StudyRun run = grid.submit(GridTrustIT.orphanStudy(args[2], Path.of(args[1])).plan(), ProgressListener.none());
        System.out.println("submitted " + run.runId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
