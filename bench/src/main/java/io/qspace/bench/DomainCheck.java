package io.qspace.bench;

import io.qspace.model.NeighbourIndex;
import io.qspace.plan.FeatureMatrix;
import io.qspace.store.Serialization;
import io.qspace.validate.ApplicabilityDomain;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The applicability domain of every stored feature set of a study, fitted with exact neighbour searches and with the
 * default approximate one (cells above {@link ApplicabilityDomain#DEFAULT_EXACT_UP_TO} training rows): CPU seconds of
 * each (fit, then scoring the test part), the thresholds' ratio and the share of test compounds flagged alike.
 */
final class DomainCheck {
    private DomainCheck() {}

    /** Per feature set of every prepared dataset in a folder store: the comparison, as JSON-ready maps. */
    static Map<String, Object> compare(Path store) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Path> matrices;
        try (var files = Files.walk(store.resolve("prepared"))) {
            matrices = files.filter(p -> p.getFileName().toString().endsWith(".bin")
                    && !p.getFileName().toString().equals("summary.bin")).sorted().toList();
        }
        for (Path file : matrices) {
            FeatureMatrix fm = Serialization.fromBytes(Files.readAllBytes(file), FeatureMatrix.class);
            double[][] train = fm.xPart(false);
            double[][] test = fm.xPart(true);
            long t0 = cpu();
            ApplicabilityDomain exact = ApplicabilityDomain.fit(train);
            double[] exactScores = exact.scores(test);
            long t1 = cpu();
            ApplicabilityDomain approximate = ApplicabilityDomain.fit(train,
                    new NeighbourIndex.Search(ApplicabilityDomain.DEFAULT_EXACT_UP_TO, 1));
            double[] approximateScores = approximate.scores(test);
            long t2 = cpu();
            int agree = 0;
            for (int i = 0; i < test.length; i++) {
                agree += exact.inside(exactScores[i]) == approximate.inside(approximateScores[i]) ? 1 : 0;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("train_rows", train.length);
            r.put("columns", train[0].length);
            r.put("search", approximate.describe());
            r.put("cpu_seconds_exact", (t1 - t0) / 1e9);
            r.put("cpu_seconds_approximate", (t2 - t1) / 1e9);
            r.put("threshold_approximate_over_exact", approximate.threshold() / exact.threshold());
            r.put("test_flags_agreeing", agree / (double) test.length);
            out.put(fm.featureSet().name(), r);
            System.err.println("domain " + fm.featureSet().name() + ": " + r);
        }
        return out;
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
