package io.qspace.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The executed quickstart as a reader sees it: converted to HTML by the venv's nbconvert and opened in headless
 * Chromium, which dumps the DOM it built and takes a screenshot (kept at target/notebooks-it/quickstart.png).
 * Needs NotebooksIT's executed notebook (failsafe runs the classes in one JVM, NotebooksIT first by name) and
 * Debian's chromium package.
 */
class QuickstartPageIT {

    static final Path HTML_DIR = NotebooksIT.WORK.resolve("html");
    static final Path SCREENSHOT = NotebooksIT.WORK.resolve("quickstart.png");
    static String dom;

    @BeforeAll
    static void renderInChromium() throws Exception {
        Path executed = NotebooksIT.WORK.resolve("out/quickstart.ipynb");
        if (!Files.isRegularFile(executed)) NotebooksIT.runEveryNotebook();
        assertTrue(Files.isRegularFile(executed), "quickstart was not executed: see NotebooksIT");
        Files.createDirectories(HTML_DIR);
        run(List.of(NotebooksIT.VENV.resolve("bin/jupyter").toString(), "nbconvert", "--to", "html",
                executed.toString(), "--output-dir", HTML_DIR.toString()), HTML_DIR.resolve("nbconvert.log"));
        Path page = HTML_DIR.resolve("quickstart.html");
        assertTrue(Files.isRegularFile(page), "nbconvert wrote no " + page);

        Path domFile = HTML_DIR.resolve("dom.html");
        run(chromium("--dump-dom", page.toUri().toString()), domFile);
        dom = Files.readString(domFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(SCREENSHOT);
        run(chromium("--hide-scrollbars", "--window-size=1100,1900", "--screenshot=" + SCREENSHOT,
                page.toUri().toString()), HTML_DIR.resolve("screenshot.log"));
    }

    static List<String> chromium(String... args) throws IOException {
        String binary = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new AssertionError("no chromium: apt-get install -y chromium"));
        // a fresh profile per run, so nothing of an earlier run (cache, crash state) leaks in
        Path profile = Files.createTempDirectory(HTML_DIR, "chromium-profile-");
        List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static void run(List<String> cmd, Path stdout) throws Exception {
        Path stderr = stdout.resolveSibling(stdout.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly().waitFor();
        assertTrue(done && p.exitValue() == 0, () -> String.join(" ", cmd) + " failed:\n" + read(stderr));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void renderedPageHasTheLeaderboardRowsPlotsAndDepictions() {
        assertTrue(dom.contains("quickstart leaderboard"), "leaderboard title missing from the DOM");
        Matcher rows = Pattern.compile("<tr>\\s*<td>sutherland_BZR</td>").matcher(dom);
        int n = 0;
        while (rows.find()) n++;
        // one leaderboard row and the nine models of results.table()
        assertEquals(10, n, "table rows for the dataset in the rendered DOM");
        Matcher img = Pattern.compile("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=\\s]+)\"").matcher(dom);
        int images = 0;
        while (img.find()) {
            NotebooksIT.assertPng(img.group(1));
            images++;
        }
        assertTrue(images >= 2, "the predicted-vs-observed plot and the builder plot, found " + images);
        assertTrue(NotebooksIT.count(dom, "<svg") >= 3, "structure depictions of the three predicted molecules");
        assertTrue(dom.contains("qspace-progress"), "the progress bar is part of the saved page");
    }

    @Test
    void screenshotShowsAPageNotABlankWindow() throws IOException {
        assertTrue(Files.isRegularFile(SCREENSHOT), "chromium took no screenshot");
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertNotNull(image, "screenshot is not a readable PNG");
        assertEquals(1100, image.getWidth());
        assertEquals(1900, image.getHeight());
        // text, tables, a green bar and a plot: many distinct colours; a blank or error page has a handful
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 200, "only " + colours.size() + " colours in the screenshot");
        boolean barFound = false;
        for (int y = 0; y < image.getHeight() && !barFound; y++) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                if (image.getRGB(x, y) == 0xFF2E8B57) { // the finished progress bar's colour
                    barFound = true;
                    break;
                }
            }
        }
        assertTrue(barFound, "the finished (green) progress bar is not on screen");
    }
}
