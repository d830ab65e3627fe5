package io.qspace.bench;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.model.Builders;
import io.qspace.data.DatasetSource;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Every candidate model of one MoleculeACE-shaped set, with its out-of-fold and test predictions, for measuring
 * candidate spaces and ways of choosing among them without refitting (bench/python/spaces.py). Studies on the
 * same folds (the folds depend on the seed, the data and the split only):
 * <ul>
 *   <li>{@code default}: the descriptor space ({@link Study#descriptorSpace()}, 56 cells: the default study's space
 *       when these dumps were first made), selection inside the folds;</li>
 *   <li>{@code before}: the descriptor space's supervised feature sets with selection before CV (the paper's
 *       behaviour; the unsupervised sets are the same in both modes);</li>
 *   <li>{@code fingerprints}: {@link Study#fingerprintSpace()}, ECFP4, FCFP4, ECFP6 counts and atom pairs, each with
 *       Tanimoto (MinMax) SVR, Tanimoto GP and random forest;</li>
 *   <li>{@code extra} (only when named): four more views for the fingerprint space's mean, ECFP2 and FCFP6 counts,
 *       MACCS keys and CDK's 2D descriptors, with the same three learners.</li>
 * </ul>
 * Process CPU seconds per study are recorded.
 *
 * <pre>java ... io.qspace.bench.CandidateDump CSV NAME SEED [default,before,fingerprints,extra] OUT.json</pre>
 */
public final class CandidateDump {
    private CandidateDump() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: CandidateDump CSV NAME SEED [default,before,fingerprints,extra] OUT.json");
        }
        List<String> wanted = List.of((args.length == 5 ? args[3] : "default,before,fingerprints").split(","));
        Path csv = Path.of(args[0]);
        String name = args[1];
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[args.length - 1]);
        DatasetSource source = MoleculeAceStudy.source(csv);
        Path store = ScratchFolder.create("qspace-candidates-");
        Map<String, Study> studies = new LinkedHashMap<>();
        // "default" is the descriptor space, the default study's space when these dumps were first made
        studies.put("default", Study.named("cand-" + name).datasets(source).seed(seed).store(store.toString())
                .validation(Validation.kFold(5)).descriptorSpace());
        studies.put("before", Study.named("cand-before-" + name).datasets(source).seed(seed)
                .store(store.toString()).validation(Validation.kFold(5).selectionBeforeCv())
                .selectors(Selectors.topCorrelated(10, 20, 40), Selectors.stepwise(), Selectors.forestImportance(30)));
        studies.put("fingerprints", Study.named("cand-fp-" + name).datasets(source).seed(seed)
                .store(store.toString()).validation(Validation.kFold(5)).fingerprintSpace());
        // more views for the fingerprint space's mean: ECFP2, FCFP6, MACCS keys and CDK's 2D descriptors, each with
        // the same three learners (kernels "auto": Tanimoto on fingerprints, RBF on standardised descriptors)
        studies.put("extra", Study.named("cand-extra-" + name).datasets(source).seed(seed)
                .store(store.toString()).validation(Validation.kFold(5))
                .descriptors(Descriptors.ecfp(2, 2048, true).plus(Descriptors.fcfp(6, 2048, true))
                        .plus(Descriptors.maccs()).plus(Descriptors.cdkDefault()))
                .selectors(Selectors.fingerprints("ecfp2"), Selectors.fingerprints("fcfp6"),
                        Selectors.fingerprints("maccs"), Selectors.fingerprints(Descriptors.DESCRIPTORS_BLOCK))
                .builders(Builders.svr().kernel("auto").c(1, 10, 100).epsilon(0.1),
                        Builders.gaussianProcess().kernel("auto").noise(0.01, 0.03, 0.1, 0.3),
                        Builders.randomForest().trees(200).maxFeatures(1.0 / 3).minLeaf(1)));

        if (!studies.keySet().containsAll(wanted)) {
            throw new IllegalArgumentException("studies " + wanted + ": expected some of " + studies.keySet());
        }
        studies.keySet().retainAll(wanted);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("seed", seed);
        Map<String, Object> cpu = new LinkedHashMap<>();
        List<Object> candidates = new ArrayList<>();
        List<String> ids = null;
        List<String> testIds = null;
        for (Map.Entry<String, Study> e : studies.entrySet()) {
            long cpu0 = ModelSpaceBench.processCpuNanos();
            Results results = MoleculeAceStudy.run(e.getValue());
            cpu.put(e.getKey(), (ModelSpaceBench.processCpuNanos() - cpu0) / 1e9);
            Table ok = MoleculeAceStudy.ok(results);
            for (int i = 0; i < ok.rowCount(); i++) {
                StoredModel m = StoredModel.load(results.store(), ok.stringColumn("model").get(i));
                Table oof = results.outOfFold(m);
                Table test = results.testPredictions(m);
                if (ids == null) {
                    ids = oof.stringColumn("id").asList();
                    testIds = test.stringColumn("id").asList();
                    doc.put("ids", ids);
                    doc.put("observed", oof.doubleColumn("observed").asList());
                    doc.put("folds", oof.intColumn("fold").asList());
                    doc.put("test_ids", testIds);
                    doc.put("test_smiles", test.stringColumn("smiles").asList());
                    doc.put("test_observed", test.doubleColumn("observed").asList());
                }
                if (oof.rowCount() != ids.size() || oof.intColumn("repeat").isEqualTo(1).size() != oof.rowCount()) {
                    throw new IllegalStateException(name + ": " + m + " has " + oof.rowCount()
                            + " out-of-fold rows, expected one repeat of " + ids.size());
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("study", e.getKey());
                c.put("feature_set", ok.stringColumn("feature_set").get(i));
                c.put("builder", ok.stringColumn("builder").get(i));
                c.put("params", ok.stringColumn("parameters").get(i));
                c.put("features", ok.intColumn("n_features").get(i));
                c.put("cv_rmse", ok.doubleColumn("cv_rmse").get(i));
                c.put("test_rmse", ok.doubleColumn("test_rmse").get(i));
                c.put("oof", aligned(ids, oof, "predicted", name, m, doc, true));
                c.put("test", aligned(testIds, test, "predicted", name, m, doc, false));
                candidates.add(c);
            }
        }
        doc.put("cpu_seconds", cpu);
        doc.put("store", store.toString());
        doc.put("candidates", candidates);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, ModelSpaceBench.Json.write(doc));
    }

    /** A candidate's column in the row order of the first candidate (ids), checking folds agree. */
    private static List<Double> aligned(List<String> ids, Table t, String column, String name, StoredModel m,
                                        Map<String, Object> doc, boolean checkFolds) {
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) row.put(t.stringColumn("id").get(i), i);
        List<Double> values = new ArrayList<>();
        @SuppressWarnings("unchecked") List<Integer> folds = (List<Integer>) doc.get("folds");
        for (int i = 0; i < ids.size(); i++) {
            Integer r = row.get(ids.get(i));
            if (r == null || (checkFolds && t.intColumn("fold").get(r) != folds.get(i).intValue())) {
                throw new IllegalStateException(name + ": " + m + " was not cross-validated on the same rows and "
                        + "folds as the first candidate (row " + ids.get(i) + ")");
            }
            values.add(t.doubleColumn(column).get(r));
        }
        return values;
    }
}
