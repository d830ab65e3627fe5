package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.grid.testing.MemberProcess;
import io.qspace.model.Builders;
import io.qspace.results.Results;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Large sets on member JVMs: a dataset a member cannot hold is refused at submission, naming that member and the heap
 * it needs, before anything runs; SVR above its exact limit (Nystrom) and a classification study give the same numbers
 * on two members as on one local slot, and so do the three datasets of a three-class file judged together.
 */
class GridLargeSetsIT {
    @TempDir
    Path dir;

    @Test
    void aDatasetAMemberCannotHoldIsRefusedNamingItAndApproximatedSvrMatchesOneSlot() throws Exception {
        Path local = dir.resolve("local");
        Results one;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            one = runner.run(approximated(local).plan());
        }
        assertEquals(0, one.failed(), one.failures().print());

        try (GridTrustIT.TestCluster c = new GridTrustIT.TestCluster()) {
            // Both members have 256 MB of heap; the second runs 8 slots, so it would hold 8 slots' copies at once.
            List<MemberProcess> members = c.start(c.member("two-slots"),
                    new MemberProcess.Options("eight-slots", c.name, c.port, 8, c.logs));
            try (GridRunner grid = c.connect()) {
                Path wideStore = dir.resolve("wide");
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> grid.submit(wide(wideStore).plan(), ProgressListener.none()));
                String m = refused.getMessage();
                String eight = members.get(1).address();
                assertTrue(m.startsWith("1 of 2 grid member(s) cannot hold the study's largest dataset"), m);
                assertTrue(m.contains("dataset freewilson_CHEMBL2321810 (1,017 compounds x ") && m.contains(
                        "with 8 slots busy, more than grid member " + eight + "'s maximum of "), m);
                assertTrue(m.contains("QSPACE_SLOTS=1") && m.contains("nothing has run"), m);
                assertFalse(m.contains(members.get(0).address()), "the two-slot member holds it: " + m);
                try (Stream<Path> files = Files.exists(wideStore) ? Files.walk(wideStore) : Stream.empty()) {
                    assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing was written");
                }

                Results two = grid.submit(approximated(dir.resolve("grid")).plan(), ProgressListener.none()).await();
                assertEquals(0, two.failed(), two.failures().print());
                Table svr = two.table().where(two.table().stringColumn("builder").isEqualTo("svr"));
                assertTrue(svr.rowCount() > 0);
                for (String p : svr.stringColumn("parameters")) {
                    assertTrue(p.contains("exactUpTo=50") && p.contains("fitted=nystrom("), p);
                }
                assertEquals(numbers(one.table()).print(), numbers(two.table()).print());
                // kNN and the applicability domain above their limits: approximate neighbours, the same on a grid.
                Table knn = two.table().where(two.table().stringColumn("builder").isEqualTo("knn"));
                assertTrue(knn.rowCount() > 0 && knn.stringColumn("parameters").get(0).contains("fitted=cells("),
                        knn.print());
                Table localDomain = one.testPredictions(one.best("sutherland_BZR", "knn"));
                Table gridDomain = two.testPredictions(two.best("sutherland_BZR", "knn"));
                assertEquals(localDomain.selectColumns("id", "predicted", "ad_score", "in_domain").print(200),
                        gridDomain.selectColumns("id", "predicted", "ad_score", "in_domain").print(200));

                // A classification study (issue 12) on the same members: the same numbers as on one local slot.
                Results gridClasses = grid.submit(classification(dir.resolve("classes-grid")).plan(),
                        ProgressListener.none()).await();
                assertEquals(0, gridClasses.failed(), gridClasses.failures().print());
                Results localClasses;
                try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
                    localClasses = runner.run(classification(dir.resolve("classes-local")).plan());
                }
                Table g = classNumbers(gridClasses.table());
                assertTrue(g.rowCount() >= 5 && !g.doubleColumn("cv_roc_auc").isMissing(0), g.print());
                assertEquals(classNumbers(localClasses.table()).print(), g.print());

                // Three classes, one against the rest (a dataset each, one split): judged together, the same answers
                // every third compound of the shipped three-class sample: the eight-slot member holds 339 of them
                List<String> sample = Files.readAllLines(Path.of("..", "datasets-sample", "classes",
                        "freewilson_potency.csv"));
                List<String> third = new java.util.ArrayList<>(List.of(sample.get(0)));
                for (int i = 1; i < sample.size(); i += 3) {
                    third.add(sample.get(i));
                }
                Path potency = Files.write(dir.resolve("freewilson_potency.csv"), third);
                Results gridThree = grid.submit(threeClasses(potency, dir.resolve("three-grid")).plan(),
                        ProgressListener.none()).await();
                assertEquals(0, gridThree.failed(), gridThree.failures().print());
                Results localThree;
                try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
                    localThree = runner.run(threeClasses(potency, dir.resolve("three-local")).plan());
                }
                Table answers = gridThree.multiClass("freewilson_potency").predictions();
                assertEquals(68, answers.rowCount(), answers.print());
                assertEquals(localThree.multiClass("freewilson_potency").predictions().print(300), answers.print(300));
                assertEquals(localThree.multiClass("freewilson_potency").metrics(), gridThree.multiClass("freewilson_potency")
                        .metrics());
            }
        }
    }

    /**
     * BZR active at pIC50 >= 7, on ECFP4: logistic regression (mlr's counterpart), PLS-DA, kNN, the forest (a tenth of
     * the features, class weights "auto") and the tanimoto SVM (a C per class, Platt probabilities).
     */
    private static Study classification(Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("classes")
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id").activity("pIC50")
                        .activeAtLeast(7))
                .descriptors(Descriptors.ecfp4())
                .selectors(Selectors.fingerprints())
                .builders(Builders.mlr(), Builders.pls().components(2), Builders.knn().k(5),
                        Builders.randomForest().trees(50), Builders.svr().kernel("tanimoto").c(1))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(3);
    }

    /**
     * A study left to its defaults, a classification and a regression: the fingerprint space's 12 models and their
     * mean for the classification, the fingerprint views' 6 Gaussian processes and their mean for the regression, as
     * on one slot.
     */
    @Test
    void aStudyLeftToItsDefaultsGivesTheSameNumbersOnTwoMembers() throws Exception {
        Path potency = dir.resolve("bzr_potency.csv"); // BZR's pIC50 as a regression, under a name of its own
        Files.copy(Path.of("..", "datasets-sample", "sutherland_BZR.csv"), potency);
        Results local;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            local = runner.run(defaultStudy(potency, dir.resolve("default-local")).plan());
        }
        try (GridTrustIT.TestCluster c = new GridTrustIT.TestCluster()) {
            c.start(c.member("d1"), c.member("d2"));
            try (GridRunner grid = c.connect()) {
                Results onGrid = grid.submit(defaultStudy(potency, dir.resolve("default-grid")).plan(),
                        ProgressListener.none()).await();
                assertEquals(0, onGrid.failed(), onGrid.failures().print());
                Table d = defaultNumbers(onGrid.table());
                assertEquals(12 + 1 + 6 + 1, d.rowCount(), d.print());
                assertEquals(defaultNumbers(local.table()).print(), d.print());
                for (String dataset : List.of("sutherland_BZR", "bzr_potency")) {
                    assertEquals("consensus", onGrid.best(dataset).provenance().builder());
                    assertEquals(local.testPredictions(local.best(dataset)).print(200),
                            onGrid.testPredictions(onGrid.best(dataset)).print(200));
                }
            }
        }
    }

    /**
     * BZR active at pIC50 >= 7 and the same compounds' pIC50 as a regression, with nothing of the model space
     * named: the default space of each kind and its mean.
     */
    private static Study defaultStudy(Path potency, Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("default-space")
                .datasets(Datasets.csv(samples + "/sutherland_BZR.csv").smiles("smiles").id("id").activity("pIC50")
                        .activeAtLeast(7), Datasets.csv(potency.toString()).smiles("smiles").id("id")
                        .activity("pIC50"))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(3);
    }

    /** Both kinds' numbers: a regression's cells have no ROC-AUC, a classification's no RMSE. */
    private static Table defaultNumbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_rmse", "test_rmse",
                "cv_roc_auc", "cv_brier", "test_roc_auc", "test_mcc").sortOn("dataset", "feature_set", "builder",
                "parameters");
    }

    private static Study threeClasses(Path file, Path store) {
        return Study.named("three")
                .datasets(Datasets.csv(file.toString()).smiles("smiles").id("id").label("potency"))
                .descriptors(Descriptors.ecfp4())
                .selectors(Selectors.fingerprints())
                .builders(Builders.mlr(), Builders.knn().k(5))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(3);
    }

    private static Table classNumbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_roc_auc", "cv_brier",
                "test_roc_auc", "test_mcc", "class_balance").sortOn("dataset", "feature_set", "builder", "parameters");
    }

    /**
     * BZR's 130-odd training rows (~87 per fold) against a limit of 50: every SVR fit, kNN search and the applicability
     * domain are approximate.
     */
    private static Study approximated(Path store) {
        return GridTrustIT.smallStudy("approximated", store)
                .builders(Builders.pls().components(2), Builders.knn().k(3).exactUpTo(50),
                        Builders.svr().kernel("tanimoto").c(1, 10).exactUpTo(50).landmarks(30))
                .validation(Validation.kFold(3).domainExactUpTo(50));
    }

    /** 1,017 compounds x CDK descriptors and ECFP4: about 0.2 GB with 2 slots busy, over 0.6 GB with 8. */
    private static Study wide(Path store) {
        Path samples = Path.of("..", "datasets-sample").toAbsolutePath().normalize();
        return Study.named("wide")
                .datasets(Datasets.csv(samples + "/freewilson_CHEMBL2321810.csv").smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.fingerprints())
                .builders(Builders.pls().components(2))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(3);
    }

    private static Table numbers(Table t) {
        return t.selectColumns("dataset", "feature_set", "builder", "parameters", "cv_rmse", "test_rmse",
                "cv_fold_rmse").sortOn("dataset", "feature_set", "builder", "parameters");
    }
}
