package io.qspace.plan;

import io.qspace.store.StoreKeys;
import io.qspace.data.Compound;
import io.qspace.data.Dataset;
import io.qspace.data.DatasetSource;
import io.qspace.data.LoadIssue;
import io.qspace.results.Csv;
import io.qspace.store.ContentHash;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study unwound, as a value: its name and seed, the root invocations (one prepare step per dataset) whose
 * subtrees unfold as they run, the store its outputs go to, the datasets read and curated, and a manifest of what
 * the study was (descriptions of its split, descriptors, selectors, builders, validation). Runners need nothing
 * else. Printing a plan shows its shape and counts before anything runs.
 *
 * @param manifest ordered descriptions, written with every run's results ("split", "builders", ...)
 * @param runner   the runner {@code study.run()} would use when the plan was made, for printing
 * @param timeLimit how long one invocation may run before it is stopped and retried or failed
 */
public record Plan(String name, long seed, List<Invocation> roots, String storeUri, Map<String, String> manifest,
                   List<Dataset> datasets, List<DatasetSource.SkippedDataset> skipped, List<String> datasetHashes,
                   Shape shape, String runner, Duration timeLimit) {

    /** How long one invocation may run unless the study says otherwise: generous, it catches only hangs. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofHours(4);

    /** The per-dataset shape of the tree, for printing: feature sets, builders and their grid points. */
    public record Shape(int featureSets, int builders, int gridPoints, String split, String descriptors,
                        String validation) {
        static final Shape NONE = new Shape(0, 0, 0, "", "", "");
    }

    public Plan {
        roots = List.copyOf(roots);
        manifest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
        datasets = List.copyOf(datasets);
        skipped = List.copyOf(skipped);
        datasetHashes = List.copyOf(datasetHashes);
        storeUri = resolveStore(storeUri);
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("an invocation's time limit must be positive, not " + timeLimit);
        }
    }

    /** The same plan with another time limit per invocation. */
    public Plan withTimeLimit(Duration limit) {
        return new Plan(name, seed, roots, storeUri, manifest, datasets, skipped, datasetHashes, shape, runner, limit);
    }

    /**
     * A plan of hand-made root invocations, without datasets: for runners' tests and benchmarks, which drive a
     * runner with their own tasks (sleeps, failures, small trees).
     */
    public static Plan ofRoots(String name, List<Invocation> roots, String storeUri) {
        return new Plan(name, 0, roots, storeUri, Map.of("study", name), List.of(), List.of(), List.of(),
                Shape.NONE, "", DEFAULT_TIME_LIMIT);
    }

    /** A folder given relative to the working directory is pinned when planning, so every slot agrees. */
    private static String resolveStore(String store) {
        return store.contains("://") || store.startsWith("file:") ? store
                : Path.of(store).toAbsolutePath().normalize().toUri().toString();
    }

    /** The content of a curated dataset decides its hash: the same compounds and values, the same reused work. */
    public static String hash(Dataset dataset) {
        StringBuilder text = new StringBuilder(dataset.name()).append('\n');
        if (dataset.classes() != null) {
            // the classes and their rule (threshold or label column): a classification never shares a regression's key
            text.append("classes\t").append(dataset.classes().describe()).append('\n');
        }
        for (Compound c : dataset.compounds()) {
            text.append(c.id()).append('\t').append(c.smiles()).append('\t').append(c.activity()).append('\t')
                    .append(c.givenSplit()).append('\n');
        }
        return ContentHash.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the curated datasets (once per content) and this run's reading issues to the store, where every slot
     * or member reads them.
     */
    public void publish(ObjectStore store, String runId) {
        try {
            for (int i = 0; i < datasets.size(); i++) {
                String key = StoreKeys.dataset(datasetHashes.get(i));
                if (!store.exists(key)) {
                    store.put(key, Serialization.toBytes(datasets.get(i)));
                }
            }
            store.put(StoreKeys.runIssues(name, runId), issuesCsv().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write study " + name + "'s inputs to " + store.uri()
                    + ": " + e.getMessage(), e);
        }
    }

    private String issuesCsv() {
        StringBuilder csv = new StringBuilder("dataset,file,row,field,message\n");
        for (Dataset d : datasets) {
            for (LoadIssue issue : d.issues()) {
                csv.append(Csv.row(List.of(d.name(), issue.file(), Integer.toString(issue.row()),
                        nullToEmpty(issue.field()), issue.message()))).append('\n');
            }
        }
        for (DatasetSource.SkippedDataset s : skipped) {
            csv.append(Csv.row(List.of(s.name(), s.source(), "0", "", "dataset skipped: " + s.reason())))
                    .append('\n');
            for (LoadIssue issue : s.issues()) {
                csv.append(Csv.row(List.of(s.name(), issue.file(), Integer.toString(issue.row()),
                        nullToEmpty(issue.field()), issue.message()))).append('\n');
            }
        }
        return csv.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Invocations the whole tree will have if every selector yields a non-empty feature set. */
    public int expectedInvocations() {
        return roots.stream().mapToInt(r -> r.task().expectedSubtreeSize()).sum();
    }

    public int featureSetsPerDataset() {
        return shape.featureSets();
    }

    /** One line per consensus the datasets have, naming them when not all have it. */
    private List<String> consensusLines() {
        Map<List<Integer>, List<String>> bySizes = new java.util.LinkedHashMap<>();
        for (Invocation root : roots) {
            if (root.task() instanceof PrepareTask prepare && !prepare.consensusSizes().isEmpty()) {
                bySizes.computeIfAbsent(prepare.consensusSizes(), k -> new java.util.ArrayList<>())
                        .add(prepare.datasetName());
            }
        }
        return bySizes.entrySet().stream().map(e -> "1 consensus, mean of "
                + io.qspace.validate.Consensus.sizesInWords(e.getKey())
                + (io.qspace.results.Results.ALWAYS.equals(manifest.get(io.qspace.results.Results.CONSENSUS_CHOICE))
                        ? ", always the chosen model" : ", chosen when its nested CV is best")
                + (e.getValue().size() == roots.size() ? "" : " (" + String.join(", ", e.getValue()) + ")")).toList();
    }

    @Override
    public String toString() {
        int fs = shape.featureSets();
        int b = shape.builders();
        StringBuilder s = new StringBuilder();
        s.append("Plan for study ").append(name).append(" (seed ").append(seed).append(")\n");
        s.append("  ").append(datasets.size()).append(" dataset(s)");
        if (!skipped.isEmpty()) {
            s.append(", ").append(skipped.size()).append(" skipped");
        }
        s.append('\n');
        for (Dataset d : datasets) {
            s.append("    ").append(d.name()).append(": ").append(d.size()).append(" compounds")
                    .append(d.isClassification() ? " (" + d.classes().balance(d.classes().counts(d.compounds())) + ")"
                            : "")
                    .append(d.issues().isEmpty() ? "" : ", " + d.issues().size() + " issue(s)").append('\n');
        }
        for (DatasetSource.SkippedDataset d : skipped) {
            s.append("    ").append(d.name()).append(": skipped, ").append(d.reason()).append('\n');
        }
        if (shape != Shape.NONE) {
            s.append("  per dataset: 1 prepare (split ").append(shape.split()).append(", ")
                    .append(shape.descriptors()).append(", ").append(fs).append(" feature sets)\n");
            s.append("             -> ").append(fs).append(" feature sets x ").append(b).append(" builders = ")
                    .append(fs * b).append(" build + cross-validate (").append(shape.gridPoints())
                    .append(" grid points, ").append(shape.validation()).append(")\n");
            s.append("             -> ").append(fs * b).append(" test + store\n");
            List<String> consensus = consensusLines();
            consensus.forEach(line -> s.append("             -> ").append(line).append('\n'));
            s.append("  invocations: ").append(expectedInvocations()).append(" in all (")
                    .append(1 + 2 * fs * b).append(consensus.isEmpty() ? "" : ", +1 with a consensus")
                    .append(" per dataset)\n");
        } else {
            s.append("  invocations: ").append(expectedInvocations()).append(" in all\n");
        }
        for (String advice : List.of(LargeSets.describe(this, 4, Runtime.getRuntime().maxMemory()),
                SmallSets.describe(this))) {
            if (!advice.isEmpty()) {
                s.append(advice).append('\n');
            }
        }
        s.append("  store: ").append(storeUri);
        if (!runner.isEmpty()) {
            s.append("\n  runner: ").append(runner);
        }
        return s.toString();
    }
}
