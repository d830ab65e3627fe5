package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.predict.LibraryPrediction;
import io.qspace.predict.PredictionJob;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of structures predicted on member JVMs: the same output file, byte for byte, as a local run. */
class GridPredictionIT {
    @TempDir
    Path dir;

    @Test
    void aFilePredictedOnTheGridIsTheLocalRunsFileByteForByte() throws Exception {
        Path store = dir.resolve("store");
        Results study;
        try (EmbeddedRunner embedded = new EmbeddedRunner()) {
            study = embedded.run(GridTrustIT.smallStudy("models", store).plan());
        }
        assertEquals(0, study.failed(), study.failures().print());
        List<String> keys = new ArrayList<>(study.table().stringColumn("model").asList());
        List<StoredModel> models = new ArrayList<>();
        try (io.qspace.store.ObjectStore objects = io.qspace.store.ObjectStores.open(store.toString())) {
            for (String key : keys) {
                models.add(StoredModel.load(objects, key));
            }
        }

        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(samples.resolve("sutherland_BZR.csv")).subList(1, 121)) {
            lines.add(line.split(",")[0] + " " + "row" + lines.size());
        }
        lines.add(60, "not-a-smiles broken");
        Path in = dir.resolve("library.smi");
        Files.write(in, lines);
        Path local = dir.resolve("local.csv");
        LibraryPrediction.with(models).run(in, local);

        try (GridTrustIT.TestCluster c = new GridTrustIT.TestCluster()) {
            c.start(c.member("p1"), c.member("p2"));
            try (GridRunner grid = c.connect()) {
                PredictionJob job = PredictionJob.of(in, store.toString(), keys).rowsPerInvocation(10);
                Results run = grid.submit(job.plan(), ProgressListener.none()).await();
                assertEquals(0, run.failed(), run.failures().print());
                assertEquals(13, run.executed(), "121 structures in slices of 10");
                Path out = dir.resolve("grid.csv.gz");
                assertEquals(121, job.writeTo(out).rows());
                byte[] unzipped = new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readAllBytes();
                assertEquals(Files.readString(local), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(Files.readString(local).contains("not-a-smiles"), "the bad structure has its row");
            }
            // the same from the command line: qspace predict --grid
            Path cliOut = dir.resolve("cli.csv");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = io.qspace.cli.Main.predict(new String[] {"--store", store.toString(), "--model",
                    String.join(",", keys), "--in", in.toString(), "--out", cliOut.toString(), "--grid", c.spec(),
                    "--rows-per-invocation", "25"}, System.out, new java.io.PrintStream(err, true));
            assertEquals(0, code, err.toString());
            assertTrue(err.toString().contains("on grid " + c.spec()), err.toString());
            assertEquals(Files.readString(local), Files.readString(cliOut), "qspace predict --grid");
        }
    }
}
