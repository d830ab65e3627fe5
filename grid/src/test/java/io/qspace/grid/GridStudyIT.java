package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.grid.testing.MemberProcess;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A real QSAR study over several datasets on three member JVMs gives the embedded runner's table, number for number. */
class GridStudyIT {
    @TempDir
    Path embeddedStore;
    @TempDir
    Path gridStore;

    @Test
    void aStudyOnThreeMembersEqualsTheEmbeddedRun() throws Exception {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        Study study = Study.named("grid-study")
                .datasets(Datasets.csv(samples + "/*.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.topCorrelated(10), Selectors.stepwise(), Selectors.fingerprints())
                .builders(Builders.pls().components(2, 4), Builders.randomForest().trees(30), Builders.knn().k(5))
                .validation(Validation.kFold(3))
                .seed(11);

        Results embedded;
        try (EmbeddedRunner runner = new EmbeddedRunner()) {
            embedded = runner.run(study.store(embeddedStore.toString()).plan());
        }

        String cluster = "study-" + Long.toHexString(System.nanoTime());
        int port = 24000 + ThreadLocalRandom.current().nextInt(1000) * 10;
        List<MemberProcess> members = new ArrayList<>();
        Results onGrid;
        try {
            for (int i = 1; i <= 3; i++) {
                members.add(MemberProcess.start("s" + i, cluster, port, 2,
                        Path.of("target", "member-logs", cluster)));
            }
            for (MemberProcess m : members) {
                m.awaitUp();
            }
            try (GridRunner grid = Grid.connect(cluster + "@" + MemberProcess.members(port))) {
                onGrid = grid.run(study.store(gridStore.toString()).plan());
            }
        } finally {
            for (MemberProcess m : members) {
                m.close();
            }
        }

        Table a = numbers(embedded.table());
        Table b = numbers(onGrid.table());
        assertEquals(2 * 3 * 3, a.rowCount(), "2 datasets x 3 feature sets x 3 builders");
        assertTrue(a.stringColumn("status").allMatch("ok"::equals), embedded.table().print());
        assertEquals(a.print(a.rowCount()), b.print(b.rowCount()));
        assertEquals(embedded.leaderboard().print(), onGrid.leaderboard().print());
    }

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "n_features", "builder", "parameters", "cv_q2", "cv_rmse",
                "test_r2", "test_rmse", "test_mae", "n_train", "n_test", "fits", "status", "invocation", "selection",
                "cv_fold_rmse")
                .sortOn("dataset", "feature_set", "builder");
    }
}
