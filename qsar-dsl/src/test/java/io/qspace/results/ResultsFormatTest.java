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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The compacted results table is plain CSV: Tablesaw reads it with its defaults and gets the types right (pandas
 * too: NotebooksIT reads a notebook's results with the kernel's Python).
 */
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
}
