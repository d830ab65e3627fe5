package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.model.Builders;
import io.qspace.plan.LargeSets;
import io.qspace.plan.Plan;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Large datasets: SVR, kNN and the applicability domain switch to their approximations above the visible limits, say
 * so in every result row, give the same numbers on one slot and four, and a dataset too large for the heap is refused
 * before anything runs.
 */
class LargeSetsTest {
    @TempDir
    Path one;
    @TempDir
    Path four;

    /** BZR's 130-odd training rows (~100 per CV fold) against a limit of 80 rows: every fit is approximate. */
    private Study study(Path store, int exactUpTo) {
        return SampleData.quickStudy("large", store)
                .selectors(Selectors.topCorrelated(10))
                .builders(Builders.svr().c(1, 10).exactUpTo(exactUpTo).landmarks(40),
                        Builders.knn().k(3, 5).exactUpTo(exactUpTo))
                .validation(Validation.kFold(3).domainExactUpTo(exactUpTo));
    }

    @Test
    void aboveTheLimitSvrIsApproximatedRecordedAndTheSameOnOneSlotAndFour() {
        Results a;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            a = runner.run(study(one, 80).plan());
        }
        Results b;
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            b = runner.run(study(four, 80).plan());
        }
        assertEquals(0, a.failed(), a.failures().print());
        Table svr = a.table().where(a.table().stringColumn("builder").isEqualTo("svr"));
        assertTrue(svr.rowCount() > 0);
        for (String p : svr.stringColumn("parameters")) {
            assertTrue(p.contains("exactUpTo=80") && p.contains("fitted=nystrom("), p);
        }
        Table knn = a.table().where(a.table().stringColumn("builder").isEqualTo("knn"));
        assertEquals(1, knn.rowCount()); // the best k of the one feature set
        for (String p : knn.stringColumn("parameters")) {
            assertTrue(p.contains("exactUpTo=80") && p.contains("fitted=cells("), p);
        }
        assertEquals(numbers(a.table()).print(), numbers(b.table()).print());
        // The applicability domain searched approximately too, with the same scores and flags on one slot and four.
        assertEquals(a.testPredictions(a.best("sutherland_BZR", "knn")).print(200),
                b.testPredictions(b.best("sutherland_BZR", "knn")).print(200));
        // The model keeps the choice too: its parameters are the point's, its record names the approximation.
        assertTrue(a.table().stringColumn("parameters").asList().stream().anyMatch(p -> p.contains("landmarks)")));
    }

    @Test
    void atOrBelowTheLimitSvrIsExactAndTheLimitIsPartOfItsIdentity() {
        Results exact = study(one, 10_000).run();
        Table svr = exact.table().where(exact.table().stringColumn("builder").isIn("svr", "knn"));
        for (String p : svr.stringColumn("parameters")) {
            assertFalse(p.contains("fitted="), p);
        }
        Results approximate = study(one, 80).run();
        Table both = approximate.table().where(approximate.table().stringColumn("builder").isEqualTo("svr"));
        // Another limit is another builder: the approximate invocations ran, the exact ones were not reused for them.
        assertTrue(both.stringColumn("parameters").get(0).contains("fitted=nystrom("));
        assertFalse(svr.stringColumn("invocation").get(0).equals(both.stringColumn("invocation").get(0)));
    }

    @Test
    void thePlanShowsTheLimitAndTheHeapItNeeds() {
        String printed = study(one, 80).plan().toString();
        assertTrue(printed.contains("large sets: svr: exact up to 80 training rows, nystrom with 40 landmarks above"),
                printed);
        assertTrue(printed.contains("large sets: knn: exact up to 80 training rows, neighbours among the nearest cells"
                + " above (.exactUpTo(n) sets it)"), printed);
        assertTrue(printed.contains("large sets: applicability domain: exact up to 80 training rows"), printed);
        assertTrue(printed.contains("memory: about "), printed);
    }

    @Test
    void aDatasetThatCannotFitIsRefusedWithTheSizeItNeeds() {
        Plan plan = study(one, 80).plan();
        long needed = LargeSets.bytesNeeded(plan, 4);
        assertTrue(needed > 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LargeSets.checkFits(plan, 4, needed - 1));
        String m = e.getMessage();
        assertTrue(m.startsWith("study large: dataset sutherland_BZR (163 compounds x "), m);
        assertTrue(m.contains("needs about ") && m.contains("with 4 slots busy, more than this JVM's maximum of ")
                && m.contains("Start Java with -Xmx") && m.contains("nothing has run"), m);
        LargeSets.checkFits(plan, 4, needed); // exactly enough passes
        // Four slots need more than one: each busy slot holds its own copies.
        assertTrue(LargeSets.bytesNeeded(plan, 1) < needed);
    }

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_rmse", "test_rmse",
                "cv_fold_rmse").sortOn("dataset", "feature_set", "builder", "parameters");
    }

}
