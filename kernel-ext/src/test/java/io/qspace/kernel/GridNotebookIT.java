package io.qspace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.qspace.results.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The loop the product exists for: a notebook (papermill, the real qsar-java kernel) attaches with {@code %grid
 * connect} to two member JVMs started by grid/bin/qspace-member, defines a builder, a descriptor set and a selector
 * as lambdas in cells and runs its study there; the members have never seen the cells' classes. The table equals the embedded run's cell for cell;
 * running unchanged executes nothing; editing the builder's cell executes only the builder's invocations.
 */
class GridNotebookIT {
    static final Path REPO = Path.of(System.getProperty("qspace.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path WORK = REPO.resolve("kernel-ext/target/grid-notebook-it");
    static final Path STORE = WORK.resolve("store");
    static NotebookOutputs nb;

    @BeforeAll
    static void runTheNotebookOnTwoMembers() throws Exception {
        Path papermill = REPO.resolve(".venv/bin/papermill");
        assertTrue(Files.isExecutable(papermill), "no notebook environment: run kernel-ext/bin/install-kernel first");
        NotebooksIT.deleteTree(WORK);
        Files.createDirectories(WORK);
        String cluster = "nb-" + Long.toHexString(System.nanoTime());
        int port = 26000 + ThreadLocalRandom.current().nextInt(1000) * 10;
        List<Process> members = new ArrayList<>();
        try {
            for (int i = 1; i <= 2; i++) {
                members.add(member(cluster, port, i));
            }
            for (int i = 1; i <= 2; i++) {
                awaitUp(members.get(i - 1), WORK.resolve("member-" + i + ".log"));
            }
            String template = Files.readString(REPO.resolve("kernel-ext/src/test/notebooks/grid-code.ipynb"));
            Path input = WORK.resolve("grid-code.ipynb");
            Files.writeString(input, template.replace("{{GRID}}", cluster + "@127.0.0.1:" + port + ",127.0.0.1:"
                            + (port + 1))
                    .replace("{{DATA}}", REPO.resolve("datasets-sample/sutherland_BZR.csv").toString())
                    .replace("{{STORE}}", STORE.toString()));
            Path out = WORK.resolve("grid-code.out.ipynb");
            Path log = WORK.resolve("papermill.log");
            Process p = new ProcessBuilder(papermill.toString(), input.toString(), out.toString(), "-k", "qsar-java",
                    "--no-progress-bar").directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(6, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            assertTrue(done && p.exitValue() == 0, "papermill failed:\n" + Files.readString(log));
            nb = new NotebookOutputs(out);
        } finally {
            for (Process m : members) {
                m.destroy();
                if (!m.waitFor(10, TimeUnit.SECONDS)) {
                    m.destroyForcibly();
                }
            }
        }
    }

    private static Process member(String cluster, int port, int n) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", REPO.resolve("grid/bin/qspace-member").toString());
        b.environment().put("QSPACE_CLASSPATH", System.getProperty("java.class.path"));
        b.environment().put("QSPACE_HEAP", "384m");
        b.environment().put("QSPACE_CLUSTER", cluster);
        b.environment().put("QSPACE_PORT", Integer.toString(port));
        b.environment().put("QSPACE_SLOTS", "2");
        b.environment().put("QSPACE_MEMBERS", "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1));
        return b.redirectErrorStream(true).redirectOutput(WORK.resolve("member-" + n + ".log").toFile()).start();
    }

    private static void awaitUp(Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("member exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("qspace member ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("member did not come up: " + Files.readString(log));
    }

    private static int count(String label, String what) {
        Matcher m = Pattern.compile(label + " .*?" + what + "=(\\d+)").matcher(nb.stdout());
        assertTrue(m.find(), label + " " + what + " not printed: " + nb.stdout());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theNotebooksLambdaBuilderRunsOnTheMembers() {
        assertTrue(nb.outputsOfType("error").isEmpty(), () -> "error outputs: " + nb.outputsOfType("error"));
        // one prepare, then build + test for each of two builders on two feature sets (the cell's selector's too)
        assertEquals(9, count("FIRST", "executed"), nb.stdout());
        assertEquals(0, count("FIRST", "failed"), nb.stdout());
    }

    @Test
    void runningUnchangedExecutesNothingAndEditingTheBuilderRunsOnlyItsInvocations() {
        assertEquals(0, count("AGAIN", "executed"), nb.stdout());
        assertEquals(9, count("AGAIN", "reused"), nb.stdout());
        assertEquals(4, count("EDITED", "executed"), "build + test of the edited builder only: " + nb.stdout());
        assertEquals(5, count("EDITED", "reused"), nb.stdout());
    }

    @Test
    void gridStatusListsTheShippedCellClassesWithTheirHashes() {
        JsonObject status = nb.cells.stream().filter(c -> NotebookOutputs.source(c).strip().equals("%grid"))
                .findFirst().orElseThrow();
        StringBuilder text = new StringBuilder();
        for (JsonObject o : NotebookOutputs.outputs(status)) {
            text.append(NotebookOutputs.text(o.get("text")));
            if (o.has("data")) {
                text.append(NotebookOutputs.text(o.getAsJsonObject("data").get("text/plain")));
            }
        }
        String s = text.toString();
        assertTrue(s.contains("code shipped (1 bundle)"), s);
        assertTrue(Pattern.compile("REPL\\.\\$JShell\\$\\d+\\S*\\s+[0-9a-f]{12}").matcher(s).find(), s);
        assertFalse(s.contains("could not ship"), s);
    }

    @Test
    void theGridTableEqualsTheEmbeddedTableCellForCell() {
        Table grid = cells(Results.load(STORE.toString(), "notebook-code").table());
        Table embedded = cells(Results.load(STORE + "-embedded", "notebook-code").table());
        assertEquals(4, embedded.rowCount(), embedded.print());
        assertTrue(embedded.stringColumn("feature_set").asList().contains("spread"), embedded.print());
        assertTrue(embedded.stringColumn("status").allMatch("ok"::equals), embedded.print());
        assertEquals(embedded.print(), grid.print());
        List<String> predictions = nb.stdout().lines().filter(l -> l.startsWith("PREDICTS ")).toList();
        assertEquals(2, predictions.size(), nb.stdout());
        assertEquals(predictions.get(0), predictions.get(1), "the grid's stored model predicts as the embedded one");
    }

    @Test
    void aModelOfTheCellsBuilderPredictsOutsideTheKernel() throws Exception {
        // this JVM never ran the notebook: the model's classes come from the code bundle its invocation ran with
        for (Path store : List.of(STORE, Path.of(STORE + "-embedded"))) {
            Table t = Results.load(store.toString(), "notebook-code").table();
            String key = t.where(t.stringColumn("builder").isEqualTo("nearest")
                    .and(t.stringColumn("feature_set").isEqualTo("spread"))).stringColumn("model").get(0);
            var model = io.qspace.results.StoredModel.load(new io.qspace.store.FileStore(store), key);
            double value = model.predict("c1ccccc1O").value();
            assertTrue(Double.isFinite(value), store + ": " + value);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = io.qspace.cli.Main.predict(new String[] {"--store", store.toString(), "--model", key,
                    "c1ccccc1O"}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
            assertEquals(0, code, "qspace predict: " + err);
            assertTrue(out.toString().contains(Double.toString(value)),
                    out + " should show " + value);
        }
    }

    private static Table cells(Table t) {
        return t.selectColumns("dataset", "feature_set", "n_features", "builder", "parameters", "cv_q2", "cv_rmse",
                "test_r2", "test_rmse", "test_mae", "n_train", "n_test", "fits", "status", "invocation")
                .sortOn("feature_set", "builder");
    }
}
