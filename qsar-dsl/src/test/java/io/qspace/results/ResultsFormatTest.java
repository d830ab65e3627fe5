package io.qspace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.StudyStoreContract;
import io.qspace.model.Builders;
import io.qspace.store.StoreKeys;
import io.qspace.store.FileStore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The compacted results table is plain CSV: Tablesaw and pandas read it with their defaults and get the types right. */
class ResultsFormatTest {
    @TempDir
    static Path dir;
    static Path csv;

    @BeforeAll
    static void aStudy() {
        Path store = dir.resolve("store");
        StudyStoreContract.quickStudy("format", store.toString()).builders(Builders.mlr(), Builders.knn().k(3)).run();
        csv = new FileStore(store).root().resolve(StoreKeys.studyResults("format"));
        assertTrue(Files.isRegularFile(csv));
    }

    @Test
    void tablesawInfersTheColumnTypes() throws Exception {
        Table t = Table.read().csv(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)));
        assertEquals(4, t.rowCount());
        assertEquals(ResultRecord.COLUMNS, t.columnNames());
        for (String text : List.of("dataset", "feature_set", "builder", "parameters", "model", "status", "invocation",
                "dataset_hash", "split", "qspace_version")) {
            assertEquals(ColumnType.STRING, t.column(text).type(), text);
        }
        for (String number : List.of("cv_q2", "cv_rmse", "test_r2", "test_rmse", "test_mae", "seconds")) {
            assertEquals(ColumnType.DOUBLE, t.column(number).type(), number);
        }
        for (String count : List.of("n_features", "n_train", "n_test", "fits", "seed")) {
            assertEquals(ColumnType.INTEGER, t.column(count).type(), count);
        }
        assertTrue(t.doubleColumn("cv_rmse").min() > 0);
    }

    @Test
    void pandasReadsItWithDefaults() throws Exception {
        String python = pythonWithPandas();
        Assumptions.assumeTrue(python != null, "skipped: no Python with pandas (set QSPACE_PYTHON, or create "
                + "bench/python/.venv with bench/python/requirements.txt)");
        String script = "import pandas as pd, sys\n"
                + "df = pd.read_csv(sys.argv[1])\n"
                + "print(len(df))\n"
                + "print('dataset text', pd.api.types.is_string_dtype(df['dataset']))\n"
                + "for c in ['cv_rmse','n_train','seed','error']: print(c, df[c].dtype)\n"
                + "print(repr(float(df['cv_rmse'].min())))\n";
        List<String> out = run(List.of(python, "-c", script, csv.toString()));
        Table t = Table.read().csv(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)));
        assertEquals("4", out.get(0), out.toString());
        assertEquals("dataset text True", out.get(1), "object before pandas 3, str since");
        assertEquals("cv_rmse float64", out.get(2));
        assertEquals("n_train int64", out.get(3));
        assertEquals("seed int64", out.get(4));
        assertEquals("error float64", out.get(5), "an all-empty column is NaN to pandas, as it should be");
        assertEquals(t.doubleColumn("cv_rmse").min(), Double.parseDouble(out.get(6)), 1e-12);
    }

    /** QSPACE_PYTHON, else a project virtualenv, else python3 on the PATH: the first that imports pandas. */
    static String pythonWithPandas() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("QSPACE_PYTHON") != null) {
            candidates.add(System.getenv("QSPACE_PYTHON"));
        }
        Path home = StudyStoreContract.samples().getParent();
        candidates.add(home.resolve("bench/python/.venv/bin/python").toString());
        candidates.add(home.resolve(".venv/bin/python").toString());
        candidates.add("python3");
        for (String python : candidates) {
            if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                if (run(List.of(python, "-c", "import pandas; print('ok')")).contains("ok")) {
                    return python;
                }
            } catch (Exception e) {
                // not this one
            }
        }
        return null;
    }

    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + out);
        }
        return out.lines().toList();
    }
}
