package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.results.Results;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A failure is data: it ends up in the results with its reason, and the rest of the study goes on. */
class FailureTest {
    @TempDir
    Path store;

    @Test
    void aBuilderThatThrowsIsRecordedAndTheOthersStillRun() {
        ModelBuilder broken = ModelBuilder.of("broken", (x, y, seed) -> {
            throw new IllegalStateException("this builder always fails");
        });
        Results results = SampleData.quickStudy("broken", store).builders(Builders.mlr(), broken).run();
        Table failed = results.failures();
        assertEquals(2, failed.rowCount(), results.table().print());
        assertTrue(failed.stringColumn("builder").allMatch("broken"::equals));
        assertTrue(failed.stringColumn("error").allMatch(e -> e.contains("this builder always fails")),
                failed.print());
        assertEquals(2, results.table().where(results.table().stringColumn("status").isEqualTo("ok")).rowCount());
        assertEquals(2, results.failed());
    }

    @Test
    void aStudyWithoutOneModelShowsItsFailuresWithReasonsInsteadOfALeaderboard() {
        ModelBuilder broken = ModelBuilder.of("broken", (x, y, seed) -> {
            throw new IllegalStateException("this builder always fails");
        });
        Results results = SampleData.quickStudy("nothing-works", store).builders(broken).run();
        assertEquals(false, results.hasModels());
        assertEquals(0, results.leaderboard().rowCount(), "an empty leaderboard, not an exception");
        assertTrue(results.leaderboard().columnNames().contains("cv_rmse"));
        String shown = results.toString();
        assertTrue(shown.contains("No model was made"), shown);
        assertTrue(shown.contains("this builder always fails"), shown);
        assertTrue(results.failures().rowCount() >= 2, results.table().print());
    }

    @Test
    void moreFoldsThanTrainingCompoundsFailsThatDatasetWithAClearMessage() throws Exception {
        Path tiny = store.resolve("tiny.csv");
        Files.writeString(tiny, "smiles,id,activity\n"
                + "CCO,a,5.1\nCCCO,b,5.3\nCCCCO,c,5.9\nc1ccccc1O,d,6.2\nc1ccccc1N,e,6.0\n"
                + "CC(=O)O,f,4.2\nCCN,g,4.9\nCCCN,h,5.0\n");
        Study study = SampleData.quickStudy("folds", store)
                .datasets(io.qspace.data.Datasets.csv(tiny.toString()).smiles("smiles").activity("activity").id("id")
                        .minCompounds(5))
                .validation(Validation.kFold(10));
        Results results = study.run();
        Table failed = results.failures();
        assertEquals(1, failed.rowCount(), results.table().print());
        String error = failed.stringColumn("error").get(0);
        assertTrue(error.contains("tiny") && error.contains("fewer than the 10"), error);
    }

    @Test
    void aStudyWithoutDatasetsSaysWhatToAdd() {
        Study empty = Study.named("empty");
        IllegalStateException e = assertThrows(IllegalStateException.class, empty::plan);
        assertTrue(e.getMessage().contains(".datasets("), e.getMessage());
    }
}
