package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.results.MultiClassResults;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Issue 12, point 1, more than two classes: the sample Free-Wilson set (1,017 compounds) labelled weak (activity < 6,
 * 328 compounds), mid (6 to 7, 336) and strong (>= 7, 353) in a label column runs as three datasets of one class
 * against the rest, split alike, and {@code Results.multiClass} judges them together on the test part, with the same
 * numbers on one slot and on four.
 */
class MultiClassStudyTest {
    @TempDir
    Path dir;

    /** The shipped three-class sample: Free-Wilson's activities as weak, mid and strong in a label column. */
    private static Path potencyFile() {
        return SampleData.folder().resolve("classes/freewilson_potency.csv");
    }

    private Study study(Path file, String store) {
        return Study.named("potency")
                .datasets(Datasets.csv(file.toString()).smiles("smiles").id("id").label("potency"))
                .descriptors(io.qspace.chem.Descriptors.ecfp4())
                .builders(Builders.logistic().c(0.1, 1), Builders.randomForest().trees(30))
                .validation(Validation.kFold(3))
                .store(dir.resolve(store).toString())
                .seed(5);
    }

    /** A study that chose its consensus always: the model library predicts each class with that consensus too. */
    @Test
    void theModelLibraryPredictsAFilesClassesWithTheModelsItsStudyChose() {
        Results results = study(potencyFile(), "always").consensusOfAll().run();
        MultiClassResults judged = results.multiClass("freewilson_potency");
        Table ok = results.table().where(results.table().stringColumn("status").isEqualTo("ok"));
        int singleFirst = 0;
        for (StoredModel m : judged.models()) {
            assertEquals("consensus", m.provenance().builder(), m.toString());
            Table own = ok.where(ok.stringColumn("dataset").isEqualTo(m.provenance().dataset()))
                    .sortDescendingOn("cv_roc_auc"); // chosen by ROC-AUC
            singleFirst += own.stringColumn("builder").get(0).equals("consensus") ? 0 : 1;
        }
        // what makes the choice matter: for some class a single model has the best CV, which the library took before
        assertTrue(singleFirst > 0, ok.print());
        io.qspace.results.MultiClassModel library = io.qspace.results.ModelLibrary.open(
                dir.resolve("always").toString()).multiClass("freewilson_potency");
        assertEquals(judged.models().stream().map(Object::toString).toList(),
                library.models().stream().map(Object::toString).toList());
        List<String> smiles = judged.predictions().stringColumn("smiles").asList().subList(0, 5);
        assertEquals(judged.predict(smiles).print(), library.predict(smiles).print());
    }

    @Test
    void threeClassesRunAsOneClassAgainstTheRestAndAreJudgedTogether() throws IOException {
        Path file = potencyFile();
        Results results;
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            results = runner.run(study(file, "store").plan());
        }
        Table table = results.table();
        assertTrue(table.stringColumn("status").allMatch("ok"::equals), table.print());
        // classes in alphabetical order, one dataset each
        assertEquals(List.of("freewilson_potency.mid", "freewilson_potency.strong", "freewilson_potency.weak"),
                table.stringColumn("dataset").unique().asList().stream().sorted().toList());
        // the three datasets were split alike: one test part, each class keeping its share (stratified by the file's
        // classes, not by each dataset's own two)
        Set<Integer> testSizes = new HashSet<>(table.intColumn("n_test").asList());
        assertEquals(1, testSizes.size(), table.print());

        MultiClassResults classes = results.multiClass("freewilson_potency");
        assertEquals(List.of("mid", "strong", "weak"), classes.classes());
        Table predictions = classes.predictions();
        assertEquals(testSizes.iterator().next(), predictions.rowCount());
        Map<String, Integer> observedCounts = new java.util.TreeMap<>();
        predictions.stringColumn("observed").forEach(c -> observedCounts.merge(c, 1, Integer::sum));
        // 20% of 336, 353 and 328, within one compound each
        assertEquals(Set.of("mid", "strong", "weak"), observedCounts.keySet(), observedCounts.toString());
        assertTrue(Math.abs(observedCounts.get("mid") - 67.2) <= 1.2 && Math.abs(observedCounts.get("strong") - 70.6)
                <= 1.2 && Math.abs(observedCounts.get("weak") - 65.6) <= 1.2, observedCounts.toString());

        int correct = 0;
        for (int i = 0; i < predictions.rowCount(); i++) {
            double sum = 0;
            String argmax = null;
            double best = -1;
            for (String c : classes.classes()) {
                double p = predictions.doubleColumn("p_" + c).get(i);
                sum += p;
                if (p > best) {
                    best = p;
                    argmax = c;
                }
            }
            assertEquals(1.0, sum, 1e-9, "the class probabilities sum to 1");
            assertEquals(argmax, predictions.stringColumn("predicted").get(i), "the predicted class is the likeliest");
            correct += predictions.stringColumn("predicted").get(i).equals(predictions.stringColumn("observed").get(i))
                    ? 1 : 0;
            for (String label : List.of(predictions.stringColumn("set_80").get(i),
                    predictions.stringColumn("set_90").get(i))) {
                for (String member : label.isEmpty() ? new String[0] : label.split("\\|")) {
                    assertTrue(classes.classes().contains(member), label);
                }
            }
            // a 90% set holds every class its 80% set holds
            assertTrue(List.of(predictions.stringColumn("set_90").get(i).split("\\|"))
                    .containsAll(predictions.stringColumn("set_80").get(i).isEmpty() ? List.of()
                            : List.of(predictions.stringColumn("set_80").get(i).split("\\|"))), "nested sets");
        }
        Map<String, Double> metrics = classes.metrics();
        assertEquals((double) correct / predictions.rowCount(), metrics.get("accuracy"), 1e-12);
        // far better than calling every compound the largest class (35%): the series' activity is additive
        assertTrue(metrics.get("accuracy") > 0.6, classes.toString());
        assertTrue(metrics.get("macro_roc_auc") > 0.8, classes.toString());
        assertTrue(metrics.get("mcc") > 0.4 && metrics.get("mcc") <= 1, classes.toString());
        // one-vs-rest Mondrian sets hold the true class about as often as asked (203 compounds: +-6 points)
        assertTrue(Math.abs(metrics.get("coverage_90") - 0.9) < 0.06, classes.toString());
        assertTrue(metrics.get("coverage_90") >= metrics.get("coverage_80"), classes.toString());
        assertTrue(metrics.get("mean_set_size_90") >= metrics.get("mean_set_size_80"), classes.toString());
        Table confusion = classes.confusion();
        int total = 0;
        int diagonal = 0;
        for (int r = 0; r < confusion.rowCount(); r++) {
            for (String c : classes.classes()) {
                total += confusion.intColumn(c).get(r);
                diagonal += confusion.stringColumn("observed").get(r).equals(c) ? confusion.intColumn(c).get(r) : 0;
            }
        }
        assertEquals(predictions.rowCount(), total);
        assertEquals(correct, diagonal);

        // new structures through the three models: the same answer as on the test part, a bad structure says why
        List<String> smiles = new ArrayList<>(predictions.stringColumn("smiles").asList().subList(0, 3));
        smiles.add("C1CC(");
        Table fresh = classes.predict(smiles);
        assertEquals(4, fresh.rowCount());
        for (int i = 0; i < 3; i++) {
            assertEquals("", fresh.stringColumn("error").get(i));
            assertEquals(predictions.stringColumn("predicted").get(i), fresh.stringColumn("predicted").get(i));
            for (String c : classes.classes()) {
                assertEquals(predictions.doubleColumn("p_" + c).get(i), fresh.doubleColumn("p_" + c).get(i), 1e-9);
            }
            assertEquals(predictions.stringColumn("set_90").get(i), fresh.stringColumn("set_90").get(i));
        }
        assertTrue(!fresh.stringColumn("error").get(3).isEmpty() && fresh.stringColumn("predicted").get(3).isEmpty(),
                fresh.print());

        // the model library and the CLI give the same answers from the store alone
        io.qspace.results.MultiClassModel library = io.qspace.results.ModelLibrary.open(
                dir.resolve("store").toString()).multiClass("freewilson_potency");
        assertEquals(fresh.print(), library.predict(smiles).print());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        List<String> cli = new ArrayList<>(List.of("--store", dir.resolve("store").toString(), "--best", "freewilson_potency"));
        cli.addAll(smiles);
        int code = io.qspace.cli.Main.predict(cli.toArray(String[]::new), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        String[] lines = out.toString().strip().split("\n");
        assertEquals(1, code, "one structure could not be read: " + out + err);
        assertTrue(lines[0].startsWith("# freewilson_potency: classes mid, strong, weak, one against the rest"), lines[0]);
        assertEquals("smiles,predicted,p_mid,p_strong,p_weak,set_80,set_90,in_domain,error", lines[1]);
        assertEquals(6, lines.length, out.toString());
        assertTrue(lines[2].startsWith(smiles.get(0) + "," + fresh.stringColumn("predicted").get(0) + ","
                + fresh.doubleColumn("p_mid").get(0) + ","), lines[2]);
        assertTrue(lines[5].startsWith("C1CC(,,") && !lines[5].endsWith(","), lines[5]);

        // a file of structures: one line per structure with its class, as for the SMILES above
        List<String> input = new ArrayList<>(List.of("smiles,id"));
        for (int i = 0; i < smiles.size(); i++) {
            input.add(smiles.get(i) + ",s" + i);
        }
        Path in = Files.write(dir.resolve("new.csv"), input);
        Path predicted = dir.resolve("new-classes.csv");
        code = io.qspace.cli.Main.predict(new String[] {"--store", dir.resolve("store").toString(), "--best",
                "freewilson_potency", "--in", in.toString(), "--out", predicted.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(err, true));
        assertEquals(0, code, err.toString());
        List<String> written = Files.readAllLines(predicted);
        assertEquals("row,id,smiles,file,predicted,p_mid,p_strong,p_weak,set_80,set_90,in_domain,error",
                written.get(0));
        assertEquals(5, written.size(), String.join("\n", written));
        for (int i = 0; i < 3; i++) {
            assertTrue(written.get(i + 1).startsWith((i + 1) + ",s" + i + "," + smiles.get(i) + ",freewilson_potency,"
                    + fresh.stringColumn("predicted").get(i) + "," + fresh.doubleColumn("p_mid").get(i) + ","),
                    written.get(i + 1));
        }
        assertTrue(written.get(4).startsWith("4,s3,C1CC(,freewilson_potency,,,,,,,false,")
                && written.get(4).length() > "4,s3,C1CC(,freewilson_potency,,,,,,,false,".length(), written.get(4));

        // a second version of the file in the same store (two compounds' classes changed): the library cannot tell
        // which is meant and says so; each study's own results still can
        List<String> version2 = Files.readAllLines(file);
        version2.set(1, version2.get(1).replaceAll(",[a-z]+$", ",strong"));
        version2.set(2, version2.get(2).replaceAll(",[a-z]+$", ",strong"));
        Files.createDirectories(dir.resolve("v2"));
        Path edited = Files.write(dir.resolve("v2/freewilson_potency.csv"), version2);
        Results second;
        try (EmbeddedRunner runner = new EmbeddedRunner(4)) {
            second = runner.run(Study.named("potency-v2")
                    .datasets(Datasets.csv(edited.toString()).smiles("smiles").id("id").label("potency"))
                    .descriptors(io.qspace.chem.Descriptors.ecfp4())
                    .builders(Builders.logistic().c(0.1, 1), Builders.randomForest().trees(30))
                    .validation(Validation.kFold(3)).store(dir.resolve("store").toString()).seed(5).plan());
        }
        assertEquals(203, second.multiClass("freewilson_potency").predictions().rowCount());
        IllegalStateException versions = assertThrows(IllegalStateException.class, () -> io.qspace.results
                .ModelLibrary.open(dir.resolve("store").toString()).multiClass("freewilson_potency"));
        assertTrue(versions.getMessage().contains("2 versions of freewilson_potency")
                && versions.getMessage().contains("potency-v2"), versions.getMessage());

        // a regression's or a binary dataset's name is not a multi-class file
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> results.multiClass("freewilson_potency.mid"));
        assertTrue(e.getMessage().contains("freewilson_potency.mid") && e.getMessage().contains("file.class"),
                e.getMessage());

        // the same numbers on one slot
        Results one;
        try (EmbeddedRunner runner = new EmbeddedRunner(1)) {
            one = runner.run(study(file, "one-slot").plan());
        }
        assertEquals(predictions.print(Integer.MAX_VALUE),
                one.multiClass("freewilson_potency").predictions().print(Integer.MAX_VALUE));
        assertEquals(metrics, one.multiClass("freewilson_potency").metrics());
    }

    @Test
    void aClassTooSmallForTheFoldsSkipsEveryClassOfItsFileSayingWhy() throws IOException {
        List<String> lines = Files.readAllLines(potencyFile());
        // two compounds of a fourth class: fewer than 3 folds
        lines.set(1, lines.get(1).replaceAll(",[a-z]+$", ",rare"));
        lines.set(2, lines.get(2).replaceAll(",[a-z]+$", ",rare"));
        Path file = dir.resolve("fw_four.csv");
        Files.write(file, lines);
        io.qspace.plan.Plan plan = Study.named("four")
                .datasets(Datasets.csv(file.toString()).smiles("smiles").id("id").label("potency"))
                .validation(Validation.kFold(3)).store(dir.resolve("four").toString()).plan();
        assertEquals(List.of(), plan.datasets(), plan.toString());
        assertEquals(4, plan.skipped().size(), plan.toString());
        for (var skipped : plan.skipped()) {
            assertTrue(skipped.reason().contains("only 2 'rare' compound(s) of 1017 in fw_four")
                    && skipped.reason().contains("none of its 4 classes is modelled"), skipped.reason());
        }
    }

    @Test
    void aClassWhoseTrainingPartIsTooSmallSkipsEveryClassOfItsFileWhenPlanning() throws IOException {
        List<String> lines = Files.readAllLines(potencyFile());
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",split"));
        for (int i = 1; i < lines.size(); i++) {
            // four 'rare' compounds, two of them in the given test part: 4 in the file, only 2 to train on
            String line = i <= 4 ? lines.get(i).replaceAll(",[a-z]+$", ",rare") : lines.get(i);
            out.add(line + "," + (i <= 2 || i % 5 == 0 ? "test" : "train"));
        }
        Path file = Files.write(dir.resolve("fw_rare.csv"), out);
        io.qspace.plan.Plan plan = Study.named("rare")
                .datasets(Datasets.csv(file.toString()).smiles("smiles").id("id").label("potency").split("split"))
                .validation(Validation.kFold(3)).store(dir.resolve("rare").toString()).plan();
        assertEquals(List.of(), plan.datasets(), plan.toString());
        assertEquals(4, plan.skipped().size(), plan.toString());
        for (var skipped : plan.skipped()) {
            assertTrue(skipped.reason().contains("only 2 'rare' compound(s) in the training part of fw_rare")
                    && skipped.reason().contains("none of its 4 classes is modelled"), skipped.reason());
        }
    }
}
