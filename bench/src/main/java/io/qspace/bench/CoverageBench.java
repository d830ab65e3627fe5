package io.qspace.bench;

import io.qspace.Study;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.validate.Conformal;
import io.qspace.validate.Interval;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.Table;

/**
 * One MoleculeACE set of the coverage benchmark (bench/COVERAGE.md): qspace's default study with the set's own split
 * (optionally a seeded sample of n training compounds, the whole test part), the best model by CV, and its conformal
 * intervals on the test part through {@link StoredModel#predict} (the path a user takes), in both calibration
 * modes. Writes one CSV row per test compound: observed, predicted, ad_score, in_domain and the bounds.
 *
 * <pre>java ... io.qspace.bench.CoverageBench SET.csv NAME SEED N_TRAIN(0 = all) OUT.csv</pre>
 */
public final class CoverageBench {
    private CoverageBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: CoverageBench SET.csv NAME SEED N_TRAIN(0 = all) OUT.csv");
        }
        Path csv = Path.of(args[0]);
        String name = args[1];
        long seed = Long.parseLong(args[2]);
        int nTrain = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Path work = ScratchFolder.create("qspace-coverage-");
        Path input = nTrain > 0 ? sample(csv, work.resolve(name + ".csv"), nTrain, seed) : csv;

        Study study = Study.named("coverage-" + name)
                .datasets(MoleculeAceStudy.source(input))
                .seed(seed).store(work.resolve("store").toString())
                .descriptorSpace(); // what bench/COVERAGE.md measured
        Results results = MoleculeAceStudy.run(study);
        StoredModel chosen = MoleculeAceStudy.best(results);
        Table test = results.testPredictions(chosen);
        List<String> smiles = test.stringColumn("smiles").asList();
        double[] observed = test.doubleColumn("observed").asDoubleArray();
        List<Double> confidences = List.of(0.8, 0.9);
        List<Prediction> predictions = chosen.predict(smiles, confidences);

        StringBuilder rows = new StringBuilder("set,model,n_train,n_calibration,observed,predicted,ad_score,in_domain");
        for (Conformal.Mode mode : Conformal.Mode.values()) {
            for (double c : confidences) {
                String m = mode.name().toLowerCase(java.util.Locale.ROOT) + "_" + Interval.percent(c);
                rows.append(",lower_").append(m).append(",upper_").append(m);
            }
        }
        rows.append('\n');
        String model = chosen.provenance().featureSet() + "/" + chosen.provenance().builder();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            if (!p.ok()) {
                continue;
            }
            rows.append(String.join(",", name, model, Integer.toString(chosen.provenance().trainSize()),
                    Integer.toString(chosen.conformal().size()), Double.toString(observed[i]),
                    Double.toString(p.value()), Double.toString(p.domainScore()), Boolean.toString(p.inDomain())));
            for (Conformal.Mode mode : Conformal.Mode.values()) {
                for (double c : confidences) {
                    Interval interval = chosen.conformal().interval(p.value(), p.domainScore(), c, mode);
                    rows.append(',').append(interval.lower()).append(',').append(interval.upper());
                }
            }
            rows.append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, rows.toString(), StandardCharsets.UTF_8);
    }

    /** The set with a seeded sample of n training rows and every test row, in file order (MoleculeACE has no quotes). */
    static Path sample(Path csv, Path out, int n, long seed) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int split = List.of(lines.get(0).split(",", -1)).indexOf("split");
        List<Integer> train = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).split(",", -1)[split].equalsIgnoreCase("train")) {
                train.add(i);
            }
        }
        if (train.size() < n) {
            throw new IllegalArgumentException(csv + ": " + train.size() + " training rows, fewer than " + n);
        }
        Collections.shuffle(train, new Random(seed));
        java.util.Set<Integer> picked = new java.util.HashSet<>(train.subList(0, n));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            if (picked.contains(i) || lines.get(i).split(",", -1)[split].equalsIgnoreCase("test")) {
                kept.add(lines.get(i));
            }
        }
        Files.write(out, kept, StandardCharsets.UTF_8);
        return out;
    }
}
