package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import io.qspace.run.Progress;
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

    /** A study long enough to kill its client in the middle. */
    static Study orphanStudy(String name, Path store) {
        return smallStudy(name, store, Builders.randomForest().trees(60), Builders.mlp().units(8).epochs(60));
    }

    /** All eight builders on both sample sets (fingerprints keep it cheap): what the kill tests run. */
    static Study eightBuilders(Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("eight")
                .datasets(Datasets.csv(samples + "/*.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.ecfp4())
                .selectors(Selectors.fingerprints())
                .builders(Builders.mlr(), Builders.pls().components(2), Builders.mlp().units(8).epochs(30),
                        Builders.tree().maxDepth(4), Builders.randomForest().trees(30),
                        Builders.gradientBoosting().trees(30), Builders.svr(), Builders.knn().k(5))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(8);
    }

    private static Table eightReference;

    static synchronized Table eightReference(Path dir) {
        if (eightReference == null) {
            try (EmbeddedRunner embedded = new EmbeddedRunner()) {
                eightReference = numbers(embedded.run(eightBuilders(dir.resolve("eight-embedded")).plan()).table());
            }
        }
        return eightReference;
    }

    /** Runs the eight-builder study on the grid, killing the members `victims` picks once the study is under way. */
    static void killMidStudy(GridRunner grid, Path store, List<MemberProcess> victims) throws Exception {
        StudyRun run = grid.submit(eightBuilders(store).plan(), ProgressListener.none());
        awaitUnderWay(grid.hazelcast().getMap(GridNames.RUNS), run.runId());
        for (MemberProcess victim : victims) {
            victim.kill();
        }
        Results r = assertTimeoutPreemptively(Duration.ofMinutes(5), run::await, "the run never ended");
        assertEquals(0, r.failed(), r.failures().print());
        assertEquals(eightReference(store.getParent()).print(), numbers(r.table()).print(), "nothing lost");
    }

    /** Member JVMs of one fresh cluster on loopback (a random name and port), closed with the test. */
    static final class TestCluster implements AutoCloseable {
        final String name = "trust-" + Long.toHexString(System.nanoTime());
        final int port = 27000 + ThreadLocalRandom.current().nextInt(1000) * 10;
        final Path logs = Path.of("target", "member-logs", name);
        final List<MemberProcess> members = new ArrayList<>();

        /** A member of this cluster with two slots; add settings to what it returns. */
        MemberProcess.Options member(String memberName) {
            return new MemberProcess.Options(memberName, name, port, 2, logs);
        }

        /** Starts the members and waits until each is up; on a failure the ones started are stopped. */
        List<MemberProcess> start(MemberProcess.Options... each) throws Exception {
            try {
                for (MemberProcess.Options o : each) {
                    members.add(MemberProcess.start(o));
                }
                for (MemberProcess m : members) {
                    m.awaitUp();
                }
            } catch (Exception | Error e) {
                close();
                throw e;
            }
            return members;
        }

        String addresses() {
            return MemberProcess.members(port);
        }

        String spec() {
            return name + "@" + addresses();
        }

        GridRunner connect() {
            return Grid.connect(spec());
        }

        @Override
        public void close() throws Exception {
            for (MemberProcess m : members) {
                m.close();
            }
        }
    }

    /** Every slot of the grid's two members is free: four tasks that succeed only when all four run at once. */
    void assertEverySlotFree(GridRunner grid, String label) {
        List<Invocation> barrier = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            barrier.add(Invocation.of(new BarrierTask(label, i, 4)));
        }
        Results b = grid.submit(Plan.ofRoots("barrier", barrier, dir.resolve("barrier-" + label).toString()),
                ProgressListener.none()).await();
        assertEquals(0, b.failed(), b.failures().print());
        assertEquals(4, b.executed());
    }

    static Table numbers(Table t) {
        return RunnerContract.numbers(t);
    }

    @Test
    void aBuilderThatNeverReturnsFailsAfterTheTimeLimitAndTheSlotsComeBack() throws Exception {
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("h1"), c.member("h2"));
        try (c; GridRunner grid = c.connect().maxAttempts(2)) {
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

            assertEverySlotFree(grid, "after-hang");
        }
    }

    @Test
    void aFileStoreTheMembersCannotSeeIsRefusedBeforeAnyWork() throws Exception {
        Path hidden = dir.resolve("client-only");
        Files.createDirectories(hidden);
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("p1").hide(hidden),
                c.member("p2").hide(hidden));
        try (c; GridRunner grid = c.connect()) {
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
        }
    }

    @Test
    void aFrozenMemberHoldingClaimsDelaysNothingAndDuplicatesNothing() throws Exception {
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("f1"),
                c.member("f2"),
                c.member("f3"));
        try (c; GridRunner grid = c.connect()) {
            Study study = smallStudy("frozen", dir.resolve("grid"), Builders.randomForest().trees(40),
                    Builders.mlp().units(8).epochs(40));
            StudyRun run = grid.submit(study.plan(), ProgressListener.none());
            // the youngest member is not the sweeper's host: freeze it once it holds claims
            com.hazelcast.cluster.Member youngest = new ArrayList<>(grid.hazelcast().getCluster().getMembers())
                    .get(2);
            MemberProcess victim = MemberProcess.at(members, youngest.getAddress());
            String victimUuid = youngest.getUuid().toString();
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
        }
    }

    @Test
    void aStudyOutlivesItsClientAndANewClientReattachesByName() throws Exception {
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("o1"), c.member("o2"));
        Path store = dir.resolve("grid");
        Path clientLog = c.logs.resolve("client.log");
        Process client = new ProcessBuilder("java", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SubmittingClient.class.getName(), c.spec(), store.toString(),
                "orphan").redirectErrorStream(true).redirectOutput(clientLog.toFile()).start();
        try (c; GridRunner grid = c.connect()) {
            IMap<String, RunInfo> runs = grid.hazelcast().getMap(GridNames.RUNS);
            long deadline = System.currentTimeMillis() + 180_000;
            RunInfo info = null;
            while (System.currentTimeMillis() < deadline) {
                info = runs.values().stream().filter(r -> r.study.equals("orphan")).findFirst().orElse(null);
                if (info != null && info.terminal >= 2) {
                    break;
                }
                assertTrue(client.isAlive(), "the client died on its own: " + Files.readString(clientLog));
                Thread.sleep(50);
            }
            assertTrue(info != null && info.terminal >= 2 && !info.ended, "the study was under way: " + info);
            client.destroyForcibly().waitFor(); // SIGKILL: no goodbye to the grid

            List<io.qspace.run.Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            StudyRun again = grid.attach("orphan", seen::add);
            assertEquals(info.runId, again.runId(), "re-attached to the run the dead client submitted");
            Results r = again.await();
            assertTrue(!seen.isEmpty(), "the new client saw the study's progress");

            Results reference;
            try (EmbeddedRunner embedded = new EmbeddedRunner()) {
                reference = embedded.run(orphanStudy("orphan", dir.resolve("embedded")).plan());
            }
            assertEquals(numbers(reference.table()).print(), numbers(r.table()).print());
            Results loaded = Results.load(store.toString(), "orphan");
            assertEquals(info.runId, loaded.runId());
            assertEquals(numbers(reference.table()).print(), numbers(loaded.table()).print(),
                    "the results are in the store for anyone");
            IllegalStateException none = assertThrows(IllegalStateException.class,
                    () -> grid.attach("orphan", ProgressListener.none()));
            assertTrue(none.getMessage().contains("Results.load"), none.getMessage());
        } finally {
            client.destroyForcibly();
        }
    }

    @Test
    void onlyWorkSignedWithTheGridKeyForAnAllowedStoreRuns() throws Exception {
        TestCluster c = new TestCluster();
        String secret = "trust-test-key-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path allowed = dir.resolve("allowed");
        List<MemberProcess> members = c.start(c.member("k1").env("QSPACE_GRID_KEY", secret)
                        .env("QSPACE_STORES", allowed.toUri().toString()),
                c.member("k2").env("QSPACE_GRID_KEY", secret)
                        .env("QSPACE_STORES", allowed.toUri().toString()));
        try (c; GridRunner grid = c.connect()) {
            assertTrue(members.get(0).log().contains("accepting work signed with the grid key"), members.get(0).log());
            Plan plan = smallStudy("signed", allowed.resolve("store")).plan();

            IllegalStateException unsigned = assertThrows(IllegalStateException.class,
                    () -> grid.key(GridKey.none()).submit(plan, ProgressListener.none()));
            assertTrue(unsigned.getMessage().contains("does not sign its work with the grid's key"),
                    unsigned.getMessage());
            IllegalStateException wrong = assertThrows(IllegalStateException.class,
                    () -> grid.key(GridKey.of("another-key-of-sixteen")).submit(plan, ProgressListener.none()));
            assertTrue(wrong.getMessage().contains("QSPACE_GRID_KEY"), wrong.getMessage());

            grid.key(GridKey.of(secret));
            IllegalStateException store = assertThrows(IllegalStateException.class, () -> grid.submit(
                    smallStudy("signed", dir.resolve("elsewhere")).plan(), ProgressListener.none()));
            assertTrue(store.getMessage().contains("is not one this grid's members may open"), store.getMessage());
            assertEquals(0, grid.hazelcast().getMap(GridNames.STATE).size(), "nothing was submitted");

            // a client that skips the probe and writes work straight into the grid's maps: refused, nothing runs
            Path rogueStore = allowed.resolve("rogue");
            RunInfo rogue = new RunInfo("rogue-run", "rogue", rogueStore.toUri().toString(), 1, false);
            rogue.created = 1;
            grid.hazelcast().<String, RunInfo>getMap(GridNames.RUNS).set(rogue.runId, rogue);
            Invocation root = Invocation.of(new io.qspace.grid.testing.TreeTask("rogue", "r", 0, 1, 0));
            InvState entry = new InvState(rogue.runId, root, io.qspace.store.Serialization.toBytes(root), "",
                    System.currentTimeMillis());
            IMap<String, InvState> state = grid.hazelcast().getMap(GridNames.STATE);
            state.set(entry.key(), entry);
            grid.hazelcast().getQueue(GridNames.HINTS).add(entry.key());
            long deadline = System.currentTimeMillis() + 60_000;
            InvState seen = state.get(entry.key());
            while (System.currentTimeMillis() < deadline && seen != null && !seen.terminal) {
                Thread.sleep(100);
                seen = state.get(entry.key());
            }
            assertTrue(seen == null || (seen.status == InvState.FAILED && seen.error.contains("refused")),
                    "the unsigned invocation was refused: " + (seen == null ? "dropped" : seen.error));
            assertTrue(!Files.exists(rogueStore.resolve("ranby")), "none of its code ran");

            Results r = grid.submit(plan, ProgressListener.none()).await();
            assertEquals(0, r.failed(), r.failures().print());
            assertEquals(2, r.table().rowCount(), "signed work for an allowed store runs");
        }
    }

    /**
     * 127.0.0.2 as a second "host": Linux routes all of 127/8 to loopback, but Hazelcast binds only to addresses an
     * interface lists, so the address is added to lo (as root; harmless, and gone at the next boot).
     */
    static void secondLoopbackAddress() throws Exception {
        Process show = new ProcessBuilder("ip", "-4", "addr", "show", "dev", "lo").redirectErrorStream(true).start();
        String addresses = new String(show.getInputStream().readAllBytes());
        show.waitFor();
        if (!addresses.contains("127.0.0.2/")) {
            Process add = new ProcessBuilder("ip", "addr", "add", "127.0.0.2/8", "dev", "lo").redirectErrorStream(true)
                    .start();
            String said = new String(add.getInputStream().readAllBytes());
            assertEquals(0, add.waitFor(), "adding 127.0.0.2 to lo needs root (ip addr add 127.0.0.2/8 dev lo): "
                    + said);
        }
    }

    @Test
    void twoMembersOfOneHostKilledTogetherLoseNothingWithHostAwareBackups() throws Exception {
        secondLoopbackAddress();
        TestCluster c = new TestCluster();
        String all = c.addresses() + "," + c.addresses().replace("127.0.0.1", "127.0.0.2");
        List<MemberProcess> members = c.start(c.member("a1").env("QSPACE_MEMBERS", all)
                        .env("QSPACE_PARTITION_GROUP", "host"),
                c.member("a2").env("QSPACE_MEMBERS", all)
                        .env("QSPACE_PARTITION_GROUP", "host"),
                c.member("b1").bindTo("127.0.0.2").env("QSPACE_MEMBERS", all)
                        .env("QSPACE_PARTITION_GROUP", "host"),
                c.member("b2").bindTo("127.0.0.2").env("QSPACE_MEMBERS", all)
                        .env("QSPACE_PARTITION_GROUP", "host"));
        try (c; GridRunner grid = c.connect()) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (grid.hazelcast().getCluster().getMembers().size() < 4 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(4, grid.hazelcast().getCluster().getMembers().size(), grid.describe());
            List<MemberProcess> host2 = members.subList(2, 4);
            for (MemberProcess m : host2) {
                assertTrue(m.address().startsWith("[127.0.0.2]"), m.address());
            }
            killMidStudy(grid, dir.resolve("grid"), host2);
        }
    }

    @Test
    void theOldestMemberKilledMidStudyLosesNothing() throws Exception {
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("s1"),
                c.member("s2"),
                c.member("s3"));
        try (c; GridRunner grid = c.connect()) {
            MemberProcess oldest = MemberProcess.at(members,
                    grid.hazelcast().getCluster().getMembers().iterator().next().getAddress());
            killMidStudy(grid, dir.resolve("grid"), List.of(oldest));
        }
    }

    /**
     * What the oldest member's death during a rebalance once did: grid entries of a run vanished (here: the work not
     * started yet and one finished invocation), so its counters could never meet. The client sees the stall, submits
     * the plan again as a new run that reuses what finished, and ends with every result.
     */
    @Test
    void aRunThatLostGridEntriesIsSubmittedAgainAndLosesNothing() throws Exception {
        TestCluster c = new TestCluster();
        c.start(c.member("l1"), c.member("l2"));
        Path store = dir.resolve("lost");
        try (c; GridRunner grid = c.connect()) {
            StudyRun run = grid.submit(eightBuilders(store).plan(), ProgressListener.none());
            String first = run.runId();
            loseEntries(grid, first);
            Results r = assertTimeoutPreemptively(Duration.ofMinutes(5), run::await, "the run never ended");
            assertTrue(!run.runId().equals(first), "a new run, not " + first);
            RunInfo dropped = grid.hazelcast().<String, RunInfo>getMap(GridNames.RUNS).get(first);
            assertTrue(dropped == null || dropped.cancelled, "the first run is dropped");
            assertTrue(grid.hazelcast().getMap(GridNames.STATE).keySet(Predicates.equal("runId", first)).isEmpty(),
                    "with its entries");
            assertEquals(0, r.failed(), r.failures().print());
            assertTrue(r.reused() > 0, "what finished before the loss is reused: " + r.reused());
            assertEquals(eightReference(store.getParent()).print(), numbers(r.table()).print(), "nothing lost");

            // a client that attached to such a run has no plan to submit again: it says so instead of waiting
            Path other = dir.resolve("lost-orphan");
            String orphan;
            try (GridRunner gone = c.connect()) {
                orphan = gone.submit(eightBuilders(other).plan(), ProgressListener.none()).runId();
            }
            loseEntries(grid, orphan);
            StudyRun attached = grid.attach("eight", ProgressListener.none());
            assertEquals(orphan, attached.runId());
            IllegalStateException stalled = assertThrows(IllegalStateException.class,
                    () -> assertTimeoutPreemptively(Duration.ofMinutes(5), attached::await, "no end, no error"));
            assertTrue(stalled.getMessage().contains("lost") && stalled.getMessage().contains("submit the study again"),
                    stalled.getMessage());
            RunInfo orphanInfo = grid.hazelcast().<String, RunInfo>getMap(GridNames.RUNS).get(orphan);
            assertTrue(orphanInfo == null || orphanInfo.cancelled, "the run that cannot end is dropped");
            Results again = grid.submit(eightBuilders(other).plan(), ProgressListener.none()).await();
            assertTrue(again.reused() > 0, "submitted again, it reuses what finished: " + again.reused());
            assertEquals(eightReference(store.getParent()).print(), numbers(again.table()).print());

            // a member killed before it sent its buffered counts: every entry ends, the counters never meet
            StudyRun behind = grid.submit(eightBuilders(dir.resolve("lost-counts")).plan(), ProgressListener.none());
            IMap<String, RunInfo> runs = grid.hazelcast().getMap(GridNames.RUNS);
            awaitUnderWay(runs, behind.runId());
            runs.executeOnKey(behind.runId(), new Uncount(2));
            Results counted = assertTimeoutPreemptively(Duration.ofMinutes(5), behind::await, "the run never ended");
            assertEquals(eightReference(store.getParent()).print(), numbers(counted.table()).print());
            assertEquals(counted.runId(), behind.runId(), "the same run, its counters caught up");

            // the run's own entry lost the same way: no end and no results in the store, so it is submitted again
            // (before, the client took the missing entry for an expired one and failed reading results never written)
            StudyRun entryless = grid.submit(eightBuilders(dir.resolve("lost-run")).plan(), ProgressListener.none());
            String lostRun = entryless.runId();
            awaitUnderWay(runs, lostRun);
            runs.delete(lostRun);
            Results whole = assertTimeoutPreemptively(Duration.ofMinutes(5), entryless::await, "the run never ended");
            assertTrue(!entryless.runId().equals(lostRun), "a new run, not " + lostRun);
            assertEquals(0, whole.failed(), whole.failures().print());
            assertEquals(eightReference(store.getParent()).print(), numbers(whole.table()).print(), "nothing lost");
        }
    }

    /** Forgets some ends of a run, as a member killed with unsent counts does. */
    static final class Uncount implements com.hazelcast.map.EntryProcessor<String, RunInfo, Void>, java.io.Serializable {
        private final int ends;

        Uncount(int ends) {
            this.ends = ends;
        }

        @Override
        public Void process(java.util.Map.Entry<String, RunInfo> entry) {
            RunInfo info = entry.getValue();
            info.terminal -= ends;
            entry.setValue(info);
            return null;
        }
    }

    /** Waits (at most 5 minutes) until four invocations of the run ended. */
    static void awaitUnderWay(IMap<String, RunInfo> runs, String runId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            RunInfo info = runs.get(runId);
            if (info != null && info.terminal >= 4) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Once a run is under way, deletes the grid entries of its work not started yet and of one finished invocation. */
    private static void loseEntries(GridRunner grid, String runId) throws InterruptedException {
        IMap<String, InvState> state = grid.hazelcast().getMap(GridNames.STATE);
        awaitUnderWay(grid.hazelcast().getMap(GridNames.RUNS), runId);
        java.util.Set<String> gone = new java.util.HashSet<>(state.keySet(Predicates.and(
                Predicates.equal("runId", runId), Predicates.equal("status", InvState.QUEUED))));
        gone.add(state.keySet(Predicates.and(Predicates.equal("runId", runId),
                Predicates.equal("terminal", true))).iterator().next());
        gone.forEach(state::delete);
    }

    /**
     * A serialised double[] that declares 2^31-1 elements in 28 bytes (magic, version, array, class descriptor of
     * "[D" with its serial version, no fields, no super class, the length): read unfiltered, 16 GB are allocated.
     */
    static byte[] arrayBomb() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeShort(0xACED);
            out.writeShort(5);
            out.writeByte(0x75);
            out.writeByte(0x72);
            out.writeUTF("[D");
            out.writeLong(java.io.ObjectStreamClass.lookup(double[].class).getSerialVersionUID());
            out.writeByte(0x02);
            out.writeShort(0);
            out.writeByte(0x78);
            out.writeByte(0x70);
            out.writeInt(Integer.MAX_VALUE);
        }
        return bytes.toByteArray();
    }

    @Test
    void corruptStoredObjectsAreErrorsNamingTheirKeysAndNoClaimIsStuck() throws Exception {
        TestCluster c = new TestCluster();
        List<MemberProcess> members = c.start(c.member("c1"), c.member("c2"));
        Path store = dir.resolve("corrupt");
        try (c; GridRunner grid = c.connect();
             io.qspace.store.ObjectStore objects = io.qspace.store.ObjectStores.open(store.toString())) {
            Results first = grid.submit(smallStudy("corrupt", store).plan(), ProgressListener.none()).await();
            assertEquals(0, first.failed(), first.failures().print());

            // the descriptor matrix replaced by a few bytes that declare a 16 GB array; a new selector re-reads it
            List<String> matrices = objects.list("descriptors/");
            assertEquals(1, matrices.size(), matrices.toString());
            byte[] bomb = arrayBomb();
            assertTrue(bomb.length < 64, bomb.length + " bytes");
            objects.put(matrices.get(0), bomb);
            Results second = grid.submit(smallStudy("corrupt", store).selectors(Selectors.topCorrelated(7)).plan(),
                    ProgressListener.none()).await();
            Table failed = second.failures();
            assertEquals(1, failed.rowCount(), second.table().print());
            String error = failed.stringColumn("error").get(0);
            assertTrue(error.contains(matrices.get(0)) && error.contains("delete it and run again"), error);

            // an invocation whose code bundle in the store is 11 bytes: refused unparsed, naming the bundle's key
            String hash = io.qspace.code.CodeBundle.hashOf("qspace".getBytes());
            objects.put(io.qspace.code.CodeBundle.key(hash), "not a class".getBytes());
            RunInfo run = new RunInfo("bundle-run-" + System.nanoTime(), "bundle", store.toUri().toString(), 1, false);
            run.created = 1;
            run.signature = MemberTrust.signRun(GridKey.none(), run);
            grid.hazelcast().<String, RunInfo>getMap(GridNames.RUNS).set(run.runId, run);
            Invocation root = Invocation.of(new io.qspace.grid.testing.TreeTask("bundle", "b", 0, 1, 0));
            InvState entry = new InvState(run.runId, root, io.qspace.store.Serialization.toBytes(root), hash,
                    System.currentTimeMillis());
            entry.signature = MemberTrust.signInvocation(GridKey.none(), entry);
            IMap<String, InvState> state = grid.hazelcast().getMap(GridNames.STATE);
            state.set(entry.key(), entry);
            grid.hazelcast().getQueue(GridNames.HINTS).add(entry.key());
            // the run ends on the grid (its entries are then dropped); its failure record says why
            String failureKey = io.qspace.store.StoreKeys.failure(root.id());
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && objects.get(failureKey).isEmpty()) {
                Thread.sleep(100);
            }
            String failure = new String(objects.get(failureKey).orElseThrow(
                    () -> new AssertionError("no failure recorded; state: " + state.get(entry.key()))));
            assertTrue(failure.contains(io.qspace.code.CodeBundle.key(hash)) && failure.contains("corrupt"), failure);
            InvState after = state.get(entry.key());
            assertTrue(after == null || after.terminal, "not claimed for ever: " + after);
            for (MemberProcess m : members) {
                assertTrue(!m.log().contains("OutOfMemoryError"), m.log());
            }
            assertEverySlotFree(grid, "after-corrupt");
        }
    }
}
