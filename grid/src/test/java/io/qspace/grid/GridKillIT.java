package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.grid.testing.MemberProcess;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member SIGKILLed mid-study and another joining: the study still ends with every record exactly once. */
class GridKillIT {
    @Test
    void killedMemberLosesNothingAndJoinerTakesWork(@TempDir Path dir) throws Exception {
        String cluster = "kill-" + Long.toHexString(System.nanoTime());
        int port = 25000 + ThreadLocalRandom.current().nextInt(2000) * 10;
        Path logs = Path.of("target", "member-logs", cluster);
        List<MemberProcess> members = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                members.add(MemberProcess.start("m" + i, cluster, port, 2, logs));
            }
            for (MemberProcess m : members) {
                m.awaitUp();
            }
            try (GridRunner grid = Grid.connect(cluster + "@" + MemberProcess.members(port))) {
                // 1-s tasks: ~30 s of work left after the kill, longer than a JVM takes to join on a busy machine,
                // so the joiner always arrives while there is work to take
                Plan plan = GridClusterIT.treePlan("kill", dir.resolve("grid"), 2, 2, 8, 1000);
                long t0 = System.nanoTime();
                StudyRun run = grid.submit(plan, ProgressListener.none());
                while (run.progress().finished() < 20) {
                    Thread.sleep(50);
                }
                members.get(1).kill();
                long killedAt = System.nanoTime();
                MemberProcess joiner = MemberProcess.start("m4", cluster, port, 2, logs);
                members.add(joiner);
                Results r = run.await();
                System.out.printf("kill test: %.1f s in all, %.1f s after the kill%n", (System.nanoTime() - t0) / 1e9,
                        (System.nanoTime() - killedAt) / 1e9);

                Plan same = GridClusterIT.treePlan("kill", dir.resolve("embedded"), 2, 2, 8, 0);
                new EmbeddedRunner(4).submit(same, ProgressListener.none()).await();
                // the undisturbed run of the same tree (sleep is not part of a task's identity)
                assertEquals(GridClusterIT.resultsCsv(dir.resolve("embedded"), "kill"),
                        GridClusterIT.resultsCsv(dir.resolve("grid"), "kill"));
                assertEquals(2 * 64, r.table().rowCount());
                assertEquals(2 * 64, new HashSet<>(r.table().stringColumn("invocation").asList()).size(),
                        "each record exactly once");
                assertEquals(0, r.failed());
                assertEquals(2 * 73, r.executed() + r.reused(), "every invocation ended once in the ledger");
                try (var ran = Files.list(dir.resolve("grid/ranby/m4"))) {
                    assertTrue(ran.count() > 0, "the member that joined mid-study took work");
                }
            }
        } finally {
            for (MemberProcess m : members) {
                m.close();
            }
        }
    }
}
