package io.qspace.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real thing: the plain papermill CLI from the project venv runs a Java notebook on the qsar-java kernel
 * (JJava + this extension), so the translator's entry point, the kernel spec, the class path, the DSL imports
 * and the renderers are all exercised together.
 */
class NotebookIT {

    private static final Path REPO = Path.of(System.getProperty("qspace.repoRoot", "..")).toAbsolutePath().normalize();
    private static final Path VENV = REPO.resolve(".venv");

    private static List<JsonObject> cells;

    @BeforeAll
    static void runNotebook() throws Exception {
        Path papermill = VENV.resolve("bin/papermill");
        Path spec = VENV.resolve("share/jupyter/kernels/qsar-java/kernel.json");
        assertTrue(Files.isExecutable(papermill) && Files.isRegularFile(spec),
                "no notebook environment at " + VENV + ": run kernel-ext/bin/install-kernel first");

        Path input = REPO.resolve("kernel-ext/src/test/notebooks/kernel-smoke.ipynb");
        Path out = REPO.resolve("kernel-ext/target/notebooks/kernel-smoke.out.ipynb");
        Files.createDirectories(out.getParent());
        Files.deleteIfExists(out);
        Path log = out.resolveSibling("papermill.log");

        List<String> cmd = List.of(papermill.toString(), input.toString(), out.toString(),
                "-k", "qsar-java", "--no-progress-bar",
                "-p", "name", "O'Brien \"q\" \\ é",
                "-p", "folds", "5",
                "-p", "ratio", "0.8",
                "-p", "fast", "true",
                "-p", "ids", "[1,2,3]",
                "-y", "weights: [1, 2.5]");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String logText = Files.readString(log);
        assertTrue(done, "papermill did not finish in 5 minutes:\n" + logText);
        assertEquals(0, p.exitValue(), "papermill failed:\n" + logText);
        System.out.printf("notebook ran in %.1f s%n", (System.nanoTime() - start) / 1e9);

        JsonObject nb = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
        cells = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if ("code".equals(c.getAsJsonObject().get("cell_type").getAsString())) cells.add(c.getAsJsonObject());
        }
    }

    private static String source(JsonObject cell) {
        JsonElement src = cell.get("source");
        if (src.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            src.getAsJsonArray().forEach(l -> sb.append(l.getAsString()));
            return sb.toString();
        }
        return src.getAsString();
    }

    private static String text(JsonElement value) {
        return value.isJsonArray() ? String.join("", value.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList())
                : value.getAsString();
    }

    private static String stdout() {
        StringBuilder sb = new StringBuilder();
        for (JsonObject cell : cells) {
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                if ("stream".equals(out.get("output_type").getAsString())) sb.append(text(out.get("text")));
            }
        }
        return sb.toString();
    }

    /** Every text the cell whose source starts with the given text printed or displayed, joined. */
    private static String allText(String sourceStart) {
        StringBuilder all = new StringBuilder();
        for (JsonObject cell : cells) {
            if (!source(cell).startsWith(sourceStart)) continue;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                if (output.has("text")) all.append(text(output.get("text"))).append('\n');
                if (output.has("data") && output.getAsJsonObject("data").has("text/plain")) {
                    all.append(text(output.getAsJsonObject("data").get("text/plain"))).append('\n');
                }
            }
            return all.toString();
        }
        throw new AssertionError("no cell starting with '" + sourceStart + "'");
    }

    /** The data bundle of the result of the cell whose source starts with the given text. */
    private static JsonObject resultOf(String sourceStart) {
        for (JsonObject cell : cells) {
            if (!source(cell).startsWith(sourceStart)) continue;
            JsonArray outputs = cell.getAsJsonArray("outputs");
            for (JsonElement o : outputs) {
                if (o.getAsJsonObject().has("data")) return o.getAsJsonObject().getAsJsonObject("data");
            }
            fail("cell '" + sourceStart + "' has no rich output: " + outputs);
        }
        throw new AssertionError("no cell starting with '" + sourceStart + "'");
    }

    @Test
    void parametersArriveWithTheirJavaTypes() {
        String out = stdout();
        assertTrue(out.contains("NAME[O'Brien \"q\" \\ é]"), out);
        // code points: the é must be one U+00E9 whatever the encodings on the way
        assertTrue(out.contains("NAME_CODEPOINTS[79, 39, 66, 114, 105, 101, 110, 32, 34, 113, 34, 32, 92, 32, 233]"), out);
        assertTrue(out.contains("FOLDS_TIMES_2=10"), "folds is an int: " + out);
        assertTrue(out.contains("RATIO_PLUS_1=1.8"), "ratio is a double: " + out);
        assertTrue(out.contains("FAST_NOT=false"), "fast is a boolean: " + out);
        assertTrue(out.contains("IDS=[1,2,3]"), out);
        assertTrue(out.contains("WEIGHTS_SUM=3.5"), "weights is a List<Double>: " + out);
    }

    @Test
    void injectedCellIsTypedJava() {
        String injected = cells.stream().map(NotebookIT::source).filter(s -> s.startsWith("// Parameters")).findFirst()
                .orElseThrow(() -> new AssertionError("no injected parameters cell"));
        assertTrue(injected.contains("int folds = 5;"), injected);
        assertTrue(injected.contains("String name = \"O'Brien \\\"q\\\" \\\\ \\u00e9\";"), injected);
        assertTrue(injected.contains("List<Double> weights = List.of(1.0, 2.5);"), injected);
    }

    @Test
    void tablesawTableRendersAsHtml() {
        JsonObject data = resultOf("Table.create");
        String html = text(data.get("text/html"));
        assertTrue(html.contains("<th>smiles</th>"), html);
        assertTrue(html.contains("&lt;b&gt;O&lt;/b&gt;"), "cell text escaped: " + html);
        assertEquals(4, html.split("<tr>", -1).length - 1, html);
    }

    @Test
    void xchartRendersAsPng() {
        JsonObject data = resultOf("XYChart chart");
        byte[] png = Base64.getMimeDecoder().decode(text(data.get("image/png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void smilesRendersAsSvg() {
        String svg = text(resultOf("Smiles.of").get("image/svg+xml"));
        assertTrue(svg.contains("<svg") && svg.contains("<path"), svg);
    }

    @Test
    void dslImportsAndMagicAreThere() {
        String status = text(resultOf("%qspace").get("text/plain"));
        assertTrue(status.contains("qspace kernel: imported"), status);
        assertTrue(status.contains("io.qspace.data") && status.contains("tech.tablesaw.api"), status);
        assertTrue(status.contains("study.run()") && status.contains("%grid"), "%qspace is the DSL's help: " + status);
    }

    @Test
    void gridMagicSaysWhereStudiesRun() {
        String grid = text(resultOf("%grid").get("text/plain"));
        assertTrue(grid.contains("not attached") && grid.contains("embedded runner"), grid);
    }

    @Test
    void gridMagicAttachesTheNotebookAndStudiesRunThere() {
        String attached = text(resultOf("%grid local").get("text/plain"));
        assertTrue(attached.contains("attached") && attached.contains("members (1)"), attached);
        String ran = allText("var repo");
        assertTrue(ran.contains("GRID_ROWS=1") && ran.contains("EXECUTED=3"), ran);
        String detached = text(resultOf("%grid off").get("text/plain"));
        assertTrue(detached.contains("embedded runner"), detached);
    }
}
