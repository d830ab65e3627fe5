package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Seeds come from the study and the invocation, never from threads or time: slot count cannot change a number. */
class DeterminismTest {
    @TempDir
    Path one;
    @TempDir
    Path four;

    @Test
    void oneSlotAndFourSlotsGiveIdenticalResults() {
        // supervised selection inside repeated folds: the fold selections must not depend on the slots either
        Study study = SampleData.quickStudy("same", one)
                .builders(io.qspace.model.Builders.randomForest().trees(20), io.qspace.model.Builders.pls()
                        .components(2))
                .selectors(io.qspace.select.Selectors.topCorrelated(5), io.qspace.select.Selectors.forestImportance(8))
                .validation(io.qspace.validate.Validation.kFold(3).repeated(2));
        Results a;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            a = runner.run(study.plan());
        }
        Results b;
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            b = runner.run(study.store(four.toString()).plan());
        }
        assertEquals(numbers(a.table()).print(), numbers(b.table()).print());
        assertEquals(java.util.Set.of("inside-folds"), java.util.Set.copyOf(a.table().stringColumn("selection").asList()));
        assertEquals(a.outOfFold(a.best("sutherland_BZR")).print(), b.outOfFold(b.best("sutherland_BZR")).print());
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        Study study = SampleData.quickStudy("seeded", one).builders(io.qspace.model.Builders.randomForest().trees(20));
        Table a = numbers(study.run().table());
        Table b = numbers(study.seed(8).store(four.toString()).run().table());
        assertEquals(a.rowCount(), b.rowCount());
        org.junit.jupiter.api.Assertions.assertNotEquals(a.print(), b.print());
    }

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_q2", "cv_rmse", "test_r2",
                "test_rmse", "test_mae", "n_train", "n_test", "selection", "cv_fold_rmse").sortOn("dataset", "feature_set", "builder");
    }
}
