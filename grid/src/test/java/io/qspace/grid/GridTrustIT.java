package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.grid.testing.BarrierTask;
import io.qspace.grid.testing.MemberProcess;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.plan.Invocation;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.run.StudyRun;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The grid outside a laptop's comfort: hung code, frozen members, stores the members cannot see. */
class GridTrustIT {
    @TempDir
    Path dir;

    /** A notebook-style builder that never returns, and ignores interrupts while it does not. */
    static ModelBuilder neverReturns() {
        return ModelBuilder.of("hangs", (x, y, seed) -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ignored) {
                    // a stuck native call or a careless loop: deaf to interrupts
                }
            }
        });
    }

    static Study smallStudy(String name, Path store, ModelBuilder... extra) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        List<ModelBuilder> builders = new ArrayList<>(List.of(Builders.pls().components(2), Builders.knn().k(3)));
        builders.addAll(List.of(extra));
        return Study.named(name)
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.ecfp4())
                .selectors(Selectors.fingerprints())
                .builders(builders)
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(3);
    }

    static List<MemberProcess> start(int n, MemberProcess.Options... each) throws Exception {
        List<MemberProcess> members = new ArrayList<>();
        for (MemberProcess.Options o : each) {
            members.add(MemberProcess.start(o));
        }
        for (MemberProcess m : members) {
            m.awaitUp();
        }
        assertEquals(n, members.size());
        return members;
    }

    static String cluster() {
        return "trust-" + Long.toHexString(System.nanoTime());
    }

    static int port() {
        return 27000 + ThreadLocalRandom.current().nextInt(1000) * 10;
    }

    static Table numbers(Table t) {
        return RunnerContract.numbers(t);
    }

    @Test
    void aBuilderThatNeverReturnsFailsAfterTheTimeLimitAndTheSlotsComeBack() throws Exception {
        String cluster = cluster();
        int port = port();
        Path logs = Path.of("target", "member-logs", cluster);
        List<MemberProcess> members = start(2, new MemberProcess.Options("h1", cluster, port, 2, logs),
                new MemberProcess.Options("h2", cluster, port, 2, logs));
        try (GridRunner grid = Grid.connect(cluster + "@" + MemberProcess.members(port)).maxAttempts(2)) {
            Results r = grid.submit(smallStudy("hangs", dir.resolve("grid"), neverReturns())
                    .timeLimit(Duration.ofSeconds(20)).plan(), ProgressListener.none()).await();
            Table failed = r.failures();
            assertEquals(1, failed.rowCount(), r.table().print());
            assertEquals("hangs", failed.stringColumn("builder").get(0));
            assertTrue(failed.stringColumn("error").get(0).contains("time limit of 20.0s"), failed.print());

            Results reference;
            try (EmbeddedRunner embedded = new EmbeddedRunner()) {
                reference = embedded.run(smallStudy("hangs", dir.resolve("embedded")).plan());
            }
            Table ok = r.table().where(r.table().stringColumn("status").isEqualTo("ok"));
            assertEquals(numbers(reference.table()).print(), numbers(ok).print(), "the rest of the study is whole");

            // every slot is free again: four tasks that succeed only when all four run at once
            List<Invocation> barrier = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                barrier.add(Invocation.of(new BarrierTask("after-hang", i, 4)));
            }
            Results b = grid.submit(Plan.ofRoots("barrier", barrier, dir.resolve("barrier").toString()),
                    ProgressListener.none()).await();
            assertEquals(0, b.failed(), b.failures().print());
            assertEquals(4, b.executed());
        } finally {
            for (MemberProcess m : members) {
                m.close();
            }
        }
    }

    @Test
    void aFileStoreTheMembersCannotSeeIsRefusedBeforeAnyWork() throws Exception {
        Path hidden = dir.resolve("client-only");
        Files.createDirectories(hidden);
        String cluster = cluster();
        int port = port();
        Path logs = Path.of("target", "member-logs", cluster);
        List<MemberProcess> members = start(2,
                new MemberProcess.Options("p1", cluster, port, 2, logs).hide(hidden),
                new MemberProcess.Options("p2", cluster, port, 2, logs).hide(hidden));
        try (GridRunner grid = Grid.connect(cluster + "@" + MemberProcess.members(port))) {
            Plan plan = smallStudy("hidden", hidden.resolve("store")).plan();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> grid.submit(plan, ProgressListener.none()));
            assertTrue(e.getMessage().contains("2 of 2 grid member(s) cannot use the study's store"), e.getMessage());
            assertTrue(e.getMessage().contains("s3://"), "says what to use instead: " + e.getMessage());
            assertEquals(0, grid.hazelcast().getMap(GridNames.STATE).size(), "nothing was submitted");
            assertEquals(0, grid.hazelcast().getMap(GridNames.RUNS).size());
            // the same study with a store the members share runs
            Results r = grid.submit(smallStudy("hidden", dir.resolve("shared")).plan(), ProgressListener.none())
                    .await();
            assertEquals(0, r.failed(), r.failures().print());
        } finally {
            for (MemberProcess m : members) {
                m.close();
            }
        }
    }

    @Test
    void aFrozenMemberHoldingClaimsDelaysNothingAndDuplicatesNothing() throws Exception {
        String cluster = cluster();
        int port = port();
        Path logs = Path.of("target", "member-logs", cluster);
        List<MemberProcess> members = start(3, new MemberProcess.Options("f1", cluster, port, 2, logs),
                new MemberProcess.Options("f2", cluster, port, 2, logs),
                new MemberProcess.Options("f3", cluster, port, 2, logs));
        try (GridRunner grid = Grid.connect(cluster + "@" + MemberProcess.members(port))) {
            Study study = smallStudy("frozen", dir.resolve("grid"), Builders.randomForest().trees(40),
                    Builders.mlp().units(8).epochs(40));
            StudyRun run = grid.submit(study.plan(), ProgressListener.none());
            // f3 is never the oldest (the sweeper's host): freeze it once it holds claims
            MemberProcess victim = members.get(2);
            String victimUuid = grid.hazelcast().getCluster().getMembers().stream()
                    .filter(m -> m.getAddress().getPort() == port + 2).findFirst()
                    .map(m -> m.getUuid().toString()).orElseThrow(() -> new AssertionError("no member at " + (port + 2)));
            IMap<String, InvState> state = grid.hazelcast().getMap(GridNames.STATE);
            long deadline = System.currentTimeMillis() + 120_000;
            int held = 0;
            while (held == 0 && !run.isDone() && System.currentTimeMillis() < deadline) {
                held = state.keySet(Predicates.and(Predicates.equal("status", InvState.CLAIMED),
                        Predicates.equal("owner", victimUuid))).size();
                Thread.sleep(20);
            }
            assertTrue(held > 0, "the frozen member held claims when it froze");
            victim.signal("STOP");
            Results r = run.await();
            victim.signal("CONT");

            Results reference;
            try (EmbeddedRunner embedded = new EmbeddedRunner()) {
                reference = embedded.run(study.store(dir.resolve("embedded").toString()).plan());
            }
            assertEquals(numbers(reference.table()).print(), numbers(r.table()).print());
            assertEquals(0, r.failed(), r.failures().print());
            Thread.sleep(3_000); // the thawed member finds its claims gone and must not add anything
            Results again = Results.load(dir.resolve("grid").toString(), "frozen");
            assertEquals(r.table().rowCount(), again.table().rowCount(), "nothing duplicated after SIGCONT");
        } finally {
            for (MemberProcess m : members) {
                m.close();
            }
        }
    }
}
