package io.qspace.kernel;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every notebook in notebooks/ executed by the venv's papermill on the real qsar-java kernel, top to bottom, as a
 * user would run it. Each notebook and the sample data are copied to a folder of their own under target/ first, so
 * each run starts from an empty store (nothing reused from an earlier run or another notebook) and nothing is
 * written into the source tree.
 */
class NotebooksIT {

    static final Path REPO = Path.of(System.getProperty("qspace.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path VENV = REPO.resolve(".venv");
    static final Path WORK = REPO.resolve("kernel-ext/target/notebooks-it");

    static final Path BATCH_STORE = WORK.resolve("batch-store");
    static final Map<String, NotebookOutputs> executed = new LinkedHashMap<>();
    static final Map<String, Double> seconds = new LinkedHashMap<>();
    static final Map<String, String> failures = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryNotebook() throws Exception {
        Path papermill = VENV.resolve("bin/papermill");
        assertTrue(Files.isExecutable(papermill) && Files.isRegularFile(VENV.resolve("share/jupyter/kernels/qsar-java/kernel.json")),
                "no notebook environment at " + VENV + ": run kernel-ext/bin/install-kernel first");
        deleteTree(WORK);
        List<Path> sources;
        try (Stream<Path> s = Files.list(REPO.resolve("notebooks"))) {
            sources = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no notebooks in " + REPO.resolve("notebooks"));

        for (Path source : sources) {
            String name = source.getFileName().toString().replace(".ipynb", "");
            // a folder per notebook: its own empty store, so each one runs from scratch as a user's first run does
            Path notebooks = WORK.resolve(name).resolve("notebooks");
            Files.createDirectories(notebooks);
            copyTree(REPO.resolve("datasets-sample"), WORK.resolve(name).resolve("datasets-sample"));
            Files.copy(source, notebooks.resolve(source.getFileName()));
            Path out = WORK.resolve("out").resolve(name + ".ipynb");
            Files.createDirectories(out.getParent());
            List<String> cmd = new ArrayList<>(List.of(papermill.toString(), name + ".ipynb", out.toString(),
                    "-k", "qsar-java", "--no-progress-bar", "--cwd", notebooks.toString()));
            cmd.addAll(parameters(name));
            Path log = WORK.resolve("out").resolve(name + ".log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(notebooks.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly().waitFor();
            double took = (System.nanoTime() - start) / 1e9;
            seconds.put(name, took);
            System.out.printf("notebook %s ran in %.1f s%n", name, took);
            if (!done || p.exitValue() != 0) {
                failures.put(name, (done ? "papermill exit " + p.exitValue() : "papermill did not finish in 5 minutes")
                        + "\n" + tail(Files.readString(log), 4000));
            }
            if (Files.isRegularFile(out)) executed.put(name, new NotebookOutputs(out));
        }
    }

    /** batch.ipynb is the one meant for papermill: run it with every parameter set, into a store of its own. */
    static List<String> parameters(String notebook) {
        if (!notebook.equals("batch")) return List.of();
        return List.of("-p", "dataset", "../datasets-sample/sutherland_BZR.csv", "-p", "name", "ci-batch",
                "-p", "folds", "3", "-p", "testFraction", "0.25", "-p", "fast", "true",
                "-p", "store", BATCH_STORE.toString());
    }

    static NotebookOutputs notebook(String name) {
        assertFalse(failures.containsKey(name), () -> name + " failed: " + failures.get(name));
        NotebookOutputs nb = executed.get(name);
        assertNotNull(nb, "notebooks/" + name + ".ipynb was not executed: is it still in notebooks/?");
        return nb;
    }

    @Test
    void everyNotebookRunsTopToBottomWithoutErrorsInTime() {
        assertTrue(failures.isEmpty(), () -> "notebooks failed: " + failures);
        assertTrue(executed.size() >= 5, "expected the five notebooks, ran " + executed.keySet());
        executed.forEach((name, nb) -> {
            assertTrue(nb.outputsOfType("error").isEmpty(), () -> name + " has error outputs: " + nb.outputsOfType("error"));
            for (JsonObject cell : nb.cells) {
                assertFalse(cell.get("execution_count").isJsonNull(),
                        () -> name + ": a cell did not run: " + NotebookOutputs.source(cell));
            }
            // how long it took is reported, not asserted: speed targets live in bench/, not in tests
            System.out.printf("notebook %s ran in %.0f s%n", name, seconds.get(name));
        });
    }

    @Test
    void progressIsOneDisplayUpdatedInPlaceAndPlainLinesUnderPapermill() {
        NotebookOutputs nb = notebook("quickstart");
        JsonObject run = nb.cell("study.run()");
        long bars = NotebookOutputs.outputs(run).stream()
                .filter(o -> o.has("data") && NotebookOutputs.text(o.getAsJsonObject("data").get("text/html")).contains("qspace-progress"))
                .count();
        assertEquals(1, bars, "one progress display per study, updated in place: " + NotebookOutputs.outputs(run));
        String finalBar = nb.data("text/plain").stream().filter(t -> t.startsWith("quickstart: ")).findFirst().orElseThrow();
        // nbclient applied update_display_data: the saved display is the last state, not the first
        assertTrue(finalBar.contains("(100%)") && finalBar.endsWith("- done"), finalBar);
        assertTrue(nb.stdout().contains("invocations (100%)"), "papermill gets plain lines too: " + nb.stdout());
    }

    @Test
    void quickstartShowsLeaderboardPlotModelAndPredictions() {
        NotebookOutputs nb = notebook("quickstart");
        String results = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("var results = study.run()")).get("text/html"));
        assertTrue(results.contains("quickstart leaderboard") && results.contains("<td>sutherland_BZR</td>"), results);
        assertPngImgInside(results);
        assertPng(NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("Plots.byBuilder")).get("image/png")));
        String model = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("results.best(")).get("text/html"));
        assertTrue(model.contains("CV q² / RMSE") && model.contains("sutherland_BZR"), model);
        String predictions = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("best.predict(")).get("text/html"));
        assertEquals(3, count(predictions, "<svg"), "one depiction per molecule: " + predictions);
        assertEquals(4, count(predictions, "<tr>"), "header and three rows: " + predictions);
        Matcher value = Pattern.compile("</svg>\\s*</td><td>[^<]+</td><td>(\\d+\\.\\d+)</td>").matcher(predictions);
        assertTrue(value.find(), predictions);
        double predicted = Double.parseDouble(value.group(1));
        assertTrue(predicted > 3 && predicted < 11, "a pIC50-like prediction, was " + predicted);
        Matcher interval = Pattern.compile("<td>(\\d+\\.\\d+) to (\\d+\\.\\d+)</td>").matcher(predictions);
        assertTrue(predictions.contains("80% interval") && predictions.contains("90% interval") && interval.find(),
                "an interval column per confidence: " + predictions);
        assertTrue(Double.parseDouble(interval.group(1)) < predicted && predicted < Double.parseDouble(interval.group(2)),
                "the first molecule's 80% interval holds its prediction: " + predictions);
    }

    @Test
    void classificationShowsLeaderboardCurvesConfusionMatrixAndPredictionSets() {
        NotebookOutputs nb = notebook("classification");
        String results = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("var results = study.run()")).get("text/html"));
        assertTrue(results.contains("classification leaderboard") && results.contains("<th>cv_roc_auc</th>")
                && results.contains("<th>class_balance</th>") && results.contains("<td>sutherland_BZR</td>"), results);
        assertTrue(results.contains("alt=\"ROC curve\""), "a classifier's test part is drawn as a ROC curve: " + results);
        assertPngImgInside(results);
        assertPng(NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("Plots.roc(")).get("image/png")));
        assertPng(NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("Plots.precisionRecall(")).get("image/png")));
        String model = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("results.best(")).get("text/html"));
        assertTrue(model.contains("CV ROC-AUC") && model.contains("Mondrian"), model);
        String confusion = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("Plots.confusionMatrix(")).get("text/html"));
        Matcher counts = Pattern.compile("<td>(\\d+)</td>").matcher(confusion);
        int total = 0;
        while (counts.find()) total += Integer.parseInt(counts.group(1));
        Matcher tested = Pattern.compile("test (\\d+) active / (\\d+) inactive").matcher(results);
        assertTrue(tested.find(), results);
        assertEquals(Integer.parseInt(tested.group(1)) + Integer.parseInt(tested.group(2)), total,
                "the confusion matrix counts every test compound once: " + confusion);
        String predictions = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("best.predict(")).get("text/html"));
        assertEquals(3, count(predictions, "<svg"), "one depiction per molecule: " + predictions);
        assertTrue(predictions.contains("<th>probability</th>") && predictions.contains("<th>80% set</th>")
                && predictions.contains("<th>90% set</th>") && predictions.contains("<th>in_domain</th>"), predictions);
        Matcher row = Pattern.compile("<td>(\\d\\.\\d+)</td><td>(active|inactive)</td><td>([a-z|]+)</td>")
                .matcher(predictions);
        assertTrue(row.find(), predictions);
        double probability = Double.parseDouble(row.group(1));
        assertEquals(probability >= 0.5 ? "active" : "inactive", row.group(2), predictions);

        // three classes, one against the rest each, judged together
        String board = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("var potency = Study.named(")).get("text/html"));
        for (String cls : List.of("weak", "mid", "strong")) {
            assertTrue(board.contains("<td>freewilson_potency." + cls + "</td>"), board);
        }
        String judged = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("potency.multiClass(")).get("text/plain"));
        Matcher summary = Pattern.compile("3 classes \\(mid, strong, weak\\), (\\d+) test compounds; accuracy (\\d\\.\\d+)")
                .matcher(judged);
        assertTrue(summary.find(), judged);
        assertTrue(Double.parseDouble(summary.group(2)) > 0.5, "better than the largest class's 35%: " + judged);
        String judgedHtml = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("potency.multiClass(")).get("text/html"));
        assertTrue(judgedHtml.contains("judged together on " + summary.group(1) + " test compounds")
                && judgedHtml.contains("<th>macro_roc_auc</th>") && judgedHtml.contains("<th>strong</th>"), judgedHtml);
        String three = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("threeClasses.confusion()")).get("text/html"));
        Matcher cells = Pattern.compile("<td>(\\d+)</td>").matcher(three);
        int all = 0;
        while (cells.find()) all += Integer.parseInt(cells.group(1));
        assertEquals(Integer.parseInt(summary.group(1)), all, "every test compound once: " + three);
        assertPng(NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("threeClasses.againstTheRest()")).get("image/png")));
        String fresh = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("threeClasses.predict(")).get("text/html"));
        assertTrue(fresh.contains("<th>p_weak</th>") && fresh.contains("<th>set_90</th>"), fresh);
    }

    @Test
    void sweepComparesBuildersAcrossBothSampleDatasets() {
        NotebookOutputs nb = notebook("model-space-sweep");
        String results = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("var results = study.run()")).get("text/html"));
        assertTrue(results.contains("<td>sutherland_BZR</td>") && results.contains("<td>freewilson_CHEMBL2321810</td>"), results);
        assertEquals(2, nb.data("image/png").size(), "the two builder comparisons");
        nb.data("image/png").forEach(NotebooksIT::assertPng);
        String failures = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("results.failures()")).get("text/plain"));
        assertTrue(failures.contains("0 rows"), "no failed models: " + failures);
    }

    @Test
    void newBuilderIsTunedOverItsGridAndRunsOnStoredDescriptors() {
        NotebookOutputs nb = notebook("new-model-builder");
        String out = nb.stdout();
        // one builder, its four penalties cross-validated inside each build: 3 feature sets x (build + test)
        assertTrue(out.contains("tuning: executed 6, reused 1"), "tuning reuses the BZR prepare step: " + out);
        String builder = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("var ridge = ModelBuilder.of(")).get("text/plain"));
        assertTrue(builder.contains("ridge(lambda=[0.1, 1, 10, 100])"), builder);
        String chosen = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("parameters().getDouble(\"lambda\")")).get("text/plain"));
        assertTrue(java.util.List.of("0.1", "1.0", "10.0", "100.0").contains(chosen.strip()),
                "the stored model's penalty is one of the grid's, typed: " + chosen);
        assertTrue(out.contains(": lambda=" + chosen.strip().replaceAll("\\.0$", "")), "printed typed parameters: " + out);
        Matcher m = Pattern.compile("added ridge: executed (\\d+), reused (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        // ridge on the Free-Wilson set's 3 feature sets (build + test); BZR's were fitted while tuning, and the
        // prepare steps and PLS/k-NN models of both datasets are found in the store
        assertEquals(6, Integer.parseInt(m.group(1)), out);
        assertEquals(2 + 24 + 6, Integer.parseInt(m.group(2)), out);
        String after = NotebookOutputs.text(NotebookOutputs.resultData(nb.cell("addBuilders(ridge)")).get("text/plain"));
        assertTrue(after.contains("18 rows"), after);
    }

    @Test
    void batchWritesItsResultsToTheStoreGivenAsParameter() throws IOException {
        NotebookOutputs nb = notebook("batch");
        String injected = nb.cells.stream().map(NotebookOutputs::source).filter(s -> s.startsWith("// Parameters"))
                .findFirst().orElseThrow(() -> new AssertionError("papermill injected no parameters cell"));
        assertTrue(injected.contains("double testFraction = 0.25;") && injected.contains("int folds = 3;"), injected);
        Path results = BATCH_STORE.resolve("studies/ci-batch/results.csv");
        assertTrue(Files.isRegularFile(results), "no results in the store: " + results);
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("dataset,feature_set"), lines.get(0));
        // 2 feature sets x 3 builders, all ok
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",ok,")), String.join("\n", lines));
        // one run: its own table, manifest and issues under runs/<id>/, and the latest table beside them
        List<Path> manifests;
        try (var runs = Files.list(BATCH_STORE.resolve("studies/ci-batch/runs"))) {
            manifests = runs.map(r -> r.resolve("manifest.properties")).filter(Files::isRegularFile).toList();
        }
        assertEquals(1, manifests.size(), manifests.toString());
        assertTrue(Files.readString(manifests.get(0)).contains("executed=13"));
        assertTrue(nb.stdout().contains("4 objects under studies/ci-batch/ in " + BATCH_STORE), nb.stdout());
        assertPandasReads(results, 6);
    }

    /** The results table needs no extra code in pandas either: plain read_csv, numbers as numbers, names as text. */
    static void assertPandasReads(Path csv, int rows) throws IOException {
        String script = "import sys, pandas\n"
                + "df = pandas.read_csv(sys.argv[1])\n"
                + "assert len(df) == int(sys.argv[2]), len(df)\n"
                + "assert str(df['cv_rmse'].dtype) == 'float64' and str(df['n_train'].dtype) == 'int64', df.dtypes\n"
                + "assert str(df['seed'].dtype) == 'int64', df.dtypes\n"
                + "assert pandas.api.types.is_string_dtype(df['dataset']), df.dtypes\n"
                + "assert str(df['error'].dtype) == 'float64', 'an all-empty column is NaN to pandas: ' + str(df.dtypes)\n"
                + "assert (df['status'] == 'ok').all()\n"
                + "print('pandas', pandas.__version__, 'read', len(df), 'rows')\n";
        try {
            Process p = new ProcessBuilder(VENV.resolve("bin/python").toString(), "-c", script, csv.toString(),
                    Integer.toString(rows)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "pandas could not read " + csv + ":\n" + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void assertPngImgInside(String html) {
        Matcher img = Pattern.compile("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(img.find(), "no inline PNG in " + html.substring(0, Math.min(400, html.length())));
        assertPng(img.group(1));
    }

    static void assertPng(String base64) {
        byte[] png = Base64.getMimeDecoder().decode(base64);
        assertTrue(png.length > 1000, "PNG of " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
