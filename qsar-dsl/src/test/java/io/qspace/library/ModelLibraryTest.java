package io.qspace.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.StudyStoreContract;
import io.qspace.cli.Main;
import io.qspace.model.Builders;
import io.qspace.results.ModelLibrary;
import io.qspace.results.ModelLibrary.Filter;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Models across the studies of one store: listed, filtered, loaded and used, from Java and the command line. */
class ModelLibraryTest {
    private static final String DIAZEPAM = "CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21";

    @TempDir
    static Path dir;
    static String store;
    static Results alpha;
    static Results beta;

    @BeforeAll
    static void twoStudies() {
        store = dir.resolve("store").toString();
        alpha = StudyStoreContract.quickStudy("alpha", store).run();
        beta = StudyStoreContract.quickStudy("beta", store).builders(Builders.tree().maxDepth(4)).run();
    }

    private static ModelLibrary library() {
        return ModelLibrary.open(store);
    }

    @Test
    void aStudyThatChoseItsConsensusAlwaysOffersThatConsensusAsTheDatasetsBestModel() {
        String own = dir.resolve("always").toString();
        Results always = StudyStoreContract.quickStudy("always", own).consensusOfAll().run();
        Table ok = always.table().where(always.table().stringColumn("status").isEqualTo("ok"));
        Table singles = ok.where(ok.stringColumn("builder").isNotEqualTo("consensus"));
        Table mean = ok.where(ok.stringColumn("builder").isEqualTo("consensus"));
        assertEquals(1, mean.rowCount(), ok.print());
        // what makes the choice matter: a single model has a lower CV RMSE than the study's chosen mean of all
        assertTrue(singles.doubleColumn("cv_rmse").min() < mean.doubleColumn("cv_rmse").get(0), ok.print());
        ModelLibrary library = ModelLibrary.open(own);
        StoredModel best = library.best("sutherland_BZR");
        assertEquals("consensus", best.provenance().builder());
        assertEquals(always.best("sutherland_BZR").toString(), best.toString());
        // naming a builder picks among its models, by CV
        assertEquals("knn", library.best(Filter.all().dataset("sutherland_BZR").builder("knn")).provenance()
                .builder());
        // the command line predicts with the study's choice
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.predict(new String[] {"--store", own, "--best", "sutherland_BZR", DIAZEPAM},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("consensus"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsEveryModelOfEveryStudyOnce() {
        ModelLibrary library = library();
        assertEquals(List.of("alpha", "beta"), library.studies());
        Table all = library.models();
        assertEquals(8, all.rowCount(), all.print());
        assertEquals(6, all.where(all.stringColumn("study").isEqualTo("alpha")).rowCount());
        assertEquals(List.of("tree"), all.where(all.stringColumn("study").isEqualTo("beta"))
                .stringColumn("builder").unique().asList());
        assertEquals(8, all.stringColumn("model").unique().size());
    }

    @Test
    void filtersByDatasetNameBuilderAndMetrics() {
        ModelLibrary library = library();
        assertEquals(8, library.models(Filter.all().dataset("sutherland_BZR")).rowCount());
        assertEquals(0, library.models(Filter.all().dataset("sutherland")).rowCount(), "dataset is exact");
        assertEquals(8, library.models(Filter.all().nameContains("bzr")).rowCount(), "name is a part, any case");
        assertEquals(0, library.models(Filter.all().nameContains("CHEMBL")).rowCount());
        Table pls = library.models(Filter.all().builder("pls"));
        assertEquals(2, pls.rowCount());
        assertTrue(pls.stringColumn("builder").allMatch("pls"::equals));

        double[] rmse = library.models().doubleColumn("test_rmse").asDoubleArray();
        Arrays.sort(rmse);
        double median = rmse[rmse.length / 2];
        Table good = library.models(Filter.all().maxTestRmse(median));
        assertEquals(Arrays.stream(rmse).filter(v -> v <= median).count(), good.rowCount());
        assertTrue(good.rowCount() < 8 && good.rowCount() > 0);
        assertTrue(good.doubleColumn("test_rmse").max() <= median);

        double[] q2 = library.models().doubleColumn("cv_q2").asDoubleArray();
        double bestQ2 = Arrays.stream(q2).max().orElseThrow();
        Table top = library.models(Filter.all().minCvQ2(bestQ2));
        assertEquals(1, top.rowCount(), top.print());
        assertEquals(bestQ2, top.doubleColumn("cv_q2").get(0));
    }

    @Test
    void loadsTheBestModelByCvAcrossStudiesAndPredictsWithItsDomain() {
        ModelLibrary library = library();
        StoredModel best = library.best("sutherland_BZR");
        double lowest = library.models().doubleColumn("cv_rmse").min();
        assertEquals(lowest, best.provenance().cvRmse(), 1e-12);

        List<Prediction> p = library.predict(best.provenance().model(),
                List.of(DIAZEPAM, "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"));
        assertTrue(p.get(0).ok() && p.get(0).value() > 3 && p.get(0).value() < 11, p.toString());
        assertTrue(p.get(0).inDomain(), "a benzodiazepine is in the domain of a benzodiazepine model: " + p.get(0));
        assertFalse(p.get(1).inDomain(), "an 80-carbon chain is not: " + p.get(1));
        assertTrue(p.get(1).domainScore() > p.get(0).domainScore());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> library.best("nope"));
        assertTrue(e.getMessage().contains("sutherland_BZR"), e.getMessage());
    }

    @Test
    void everyPredictionCarriesConformalIntervalsThatCoverTheTestPartAndWidenOutsideTheDomain() {
        ModelLibrary library = library();
        StoredModel best = library.best("sutherland_BZR");
        assertTrue(best.hasIntervals(), best.noIntervalsReason());
        Table test = alpha.testPredictions(best);
        List<String> smiles = test.stringColumn("smiles").asList();
        double[] observed = test.doubleColumn("observed").asDoubleArray();
        List<Prediction> p = best.predict(smiles);
        int covered80 = 0;
        int covered90 = 0;
        for (int i = 0; i < p.size(); i++) {
            Prediction one = p.get(i);
            assertTrue(one.interval(0.8).lower() < one.value() && one.value() < one.interval(0.8).upper(), one.toString());
            assertTrue(one.interval(0.9).width() >= one.interval(0.8).width(), one.toString());
            covered80 += one.interval(0.8).contains(observed[i]) ? 1 : 0;
            covered90 += one.interval(0.9).contains(observed[i]) ? 1 : 0;
        }
        // the sample set's test part is small (tens of compounds): a loose bound that still fails for intervals of
        // the wrong scale (e.g. the training RMSE instead of the CV residuals)
        assertTrue(covered80 >= 0.6 * p.size() && covered90 >= 0.7 * p.size(),
                covered80 + " and " + covered90 + " of " + p.size());
        List<Prediction> two = best.predict(List.of(DIAZEPAM,
                "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"), 0.9);
        assertTrue(two.get(1).interval(0.9).width() > two.get(0).interval(0.9).width(),
                "a compound far from the training data gets a wider interval: " + two);
        assertThrows(IllegalArgumentException.class, () -> two.get(0).interval(0.8), "only 90% was asked for");
    }

    @Test
    void aModelStoredBeforeOutOfFoldResidualsPredictsWithoutIntervalsAndSaysWhy(@TempDir Path copy) throws Exception {
        java.nio.file.Path old = copy.resolve("old");
        copyTree(Path.of(store), old);
        StoredModel best = ModelLibrary.open(old.toString()).best("sutherland_BZR");
        // as an older qspace left it: the model without its calibration and no out-of-fold predictions for its build
        java.nio.file.Files.delete(old.resolve(io.qspace.store.StoreKeys.outOfFold(best.provenance().build())));
        StoredModel bare = new StoredModel(best.provenance(), best.descriptors(), best.featureSet(), best.medians(),
                best.model(), best.domain(), best.seed(), best.qspaceVersion(), best.parameters());
        java.nio.file.Files.write(old.resolve(best.provenance().model()), io.qspace.store.Serialization.toBytes(bare));

        StoredModel loaded = ModelLibrary.open(old.toString()).best("sutherland_BZR");
        assertFalse(loaded.hasIntervals());
        Prediction p = loaded.predict(DIAZEPAM);
        assertTrue(p.ok() && Double.isNaN(p.interval(0.9).lower()), p.toString());
        Output cli = run(Main::predict, "--store", old.toString(), "--best", "sutherland_BZR", DIAZEPAM);
        assertEquals(0, cli.code, cli.err);
        assertTrue(cli.err.contains("no conformal intervals") && cli.err.contains("run its study again"), cli.err);
        String row = cli.out.lines().filter(l -> l.startsWith(DIAZEPAM)).findFirst().orElseThrow();
        assertTrue(row.contains(",,,,,"), "empty interval bounds, the rest filled: " + row);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void storedModelsNameTheBuildsVersionTheirDescriptorsDataSplitSeedSelectionAndCvMetrics() throws Exception {
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>")
                .matcher(pom); // the module inherits its parent's version
        assertTrue(m.find(), "qsar-dsl/pom.xml names its version");
        StoredModel best = library().best("sutherland_BZR");
        assertEquals(m.group(1), best.qspaceVersion());
        assertEquals(m.group(1), best.provenance().qspaceVersion());
        String descriptors = best.provenance().descriptorVersion();
        assertTrue(descriptors.startsWith(best.descriptors().describe() + " [") && descriptors.contains(", CDK 2."),
                descriptors);
        assertEquals(64, best.provenance().datasetHash().length(), best.provenance().datasetHash());
        assertTrue(best.provenance().split().length() > 0 && best.provenance().selection().equals("inside-folds"),
                best.provenance().toString());
        assertEquals(alpha.table().longColumn("seed").get(0), best.seed());

        Output shown = run(Main::models, "--store", store, "--builder", "pls");
        String cv = String.format(java.util.Locale.ROOT, "%.3f", best.provenance().cvRmse());
        for (String column : List.of("qspace_version", "descriptor_version", "dataset_hash", "split", "seed",
                "selection", "cv_q2", "cv_rmse")) {
            assertTrue(shown.out.contains(column), column + " in " + shown.out);
        }
        assertFalse(shown.out.contains(best.provenance().datasetHash()), "the hash is shortened for reading");

        Output csv = run(Main::models, "--store", store, "--csv");
        assertEquals(0, csv.code, csv.err);
        Table exact = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions
                .builder(new java.io.StringReader(csv.out)).columnTypesPartial(java.util.Map.of(
                        "cv_rmse", tech.tablesaw.api.ColumnType.DOUBLE, "dataset_hash", tech.tablesaw.api.ColumnType.STRING)));
        assertEquals(8, exact.rowCount());
        assertEquals(library().models().columnNames(), exact.columnNames());
        int row = exact.stringColumn("model").indexOf(best.provenance().model());
        assertEquals(best.provenance().cvRmse(), exact.doubleColumn("cv_rmse").get(row), 0.0, "every digit");
        assertEquals(best.provenance().datasetHash(), exact.stringColumn("dataset_hash").get(row));
        assertTrue(cv.length() < Double.toString(best.provenance().cvRmse()).length());
    }

    @Test
    void aResultsTableWrittenBeforeTheDescriptorVersionColumnStillReads(@TempDir Path copy) throws Exception {
        Path old = copy.resolve("old");
        copyTree(Path.of(store), old);
        Path table = old.resolve(io.qspace.store.StoreKeys.studyResults("alpha"));
        List<String> lines = java.nio.file.Files.readAllLines(table);
        // the columns from descriptor_version on (the classification columns came after it), quoted or not
        int newer = io.qspace.results.ResultColumn.values().length
                - io.qspace.results.ResultColumn.DESCRIPTOR_VERSION.ordinal();
        java.util.List<String> cut = lines.stream().map(l -> {
            String shorter = l;
            for (int k = 0; k < newer; k++) {
                shorter = shorter.replaceFirst(",(\"[^\"]*\"|[^,\"]*)$", "");
            }
            return shorter;
        }).toList();
        assertFalse(cut.get(0).contains("descriptor_version"));
        java.nio.file.Files.write(table, cut);
        Table models = ModelLibrary.open(old.toString()).models(Filter.all().builder("pls"));
        assertEquals(2, models.rowCount(), models.print());
        assertTrue(models.stringColumn("descriptor_version").isMissing().size() >= 1, models.print());
        assertEquals(alpha.table().where(alpha.table().stringColumn("builder").isEqualTo("pls"))
                .doubleColumn("cv_rmse").min(), models.doubleColumn("cv_rmse").min(), 0.0);
    }

    @Test
    void theModelsCommandListsAndFilters() {
        Output all = run(Main::models, "--store", store);
        assertEquals(0, all.code, all.err);
        assertTrue(all.out.contains("8 model(s)"), all.out);
        assertTrue(all.out.contains("alpha") && all.out.contains("beta") && all.out.contains("knn"), all.out);

        Output pls = run(Main::models, "--store", store, "--builder", "pls", "--dataset", "sutherland_BZR");
        assertTrue(pls.out.contains("2 model(s)"), pls.out);
        assertFalse(pls.out.contains("knn"), pls.out);

        Output none = run(Main::models, "--store", store, "--max-test-rmse", "0.0001");
        assertEquals(0, none.code);
        assertTrue(none.out.contains("no models") && none.out.contains("[alpha, beta]"), none.out);

        Output bad = run(Main::models, "--store", store, "--max-rmse", "1");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("unknown option --max-rmse"), bad.err);
    }

    @Test
    void thePredictCommandPrintsCsvWithTheDomainFlag() {
        Output best = run(Main::predict, "--store", store, "--best", "sutherland_BZR", DIAZEPAM, "not a molecule");
        assertEquals(1, best.code, "a SMILES that does not parse makes the exit code 1: " + best.err);
        String[] lines = best.out.strip().split("\n");
        assertEquals(4, lines.length, best.out);
        assertTrue(lines[0].startsWith("# sutherland_BZR"), lines[0]);
        assertEquals("smiles,predicted,lower_80,upper_80,lower_90,upper_90,ad_score,in_domain,error", lines[1]);
        String[] diazepam = lines[2].split(",");
        assertEquals(DIAZEPAM, diazepam[0]);
        Prediction java = library().best("sutherland_BZR").predict(DIAZEPAM);
        assertEquals(java.value(), Double.parseDouble(diazepam[1]), 1e-12);
        assertEquals(java.interval(0.8).lower(), Double.parseDouble(diazepam[2]), 1e-12);
        assertEquals(java.interval(0.9).upper(), Double.parseDouble(diazepam[5]), 1e-12);
        assertEquals("true", diazepam[7]);
        assertTrue(lines[3].startsWith("not a molecule,,,,,,,false,") && lines[3].length() > "not a molecule,,,,,,,false,".length(),
                lines[3]);

        Output asked = run(Main::predict, "--store", store, "--best", "sutherland_BZR", "--confidence", "0.5,0.95", DIAZEPAM);
        assertEquals(0, asked.code, asked.err);
        assertTrue(asked.out.contains("\nsmiles,predicted,lower_50,upper_50,lower_95,upper_95,ad_score"), asked.out);
        Output wrong = run(Main::predict, "--store", store, "--best", "sutherland_BZR", "--confidence", "1.5", DIAZEPAM);
        assertEquals(2, wrong.code);
        assertTrue(wrong.err.contains("between 0 and 1"), wrong.err);

        String key = alpha.table().stringColumn("model").get(0);
        Output byKey = run(Main::predict, "--store", store, "--model", key, DIAZEPAM);
        assertEquals(0, byKey.code, byKey.err);
        assertTrue(byKey.out.contains(key), byKey.out);

        Output neither = run(Main::predict, "--store", store, DIAZEPAM);
        assertEquals(2, neither.code);
        assertTrue(neither.err.contains("--model KEY or --best DATASET"), neither.err);
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    record Output(int code, String out, String err) {}

    private static Output run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
