package io.qspace.plan;

import io.qspace.Study;
import io.qspace.data.Compound;
import io.qspace.data.Dataset;
import io.qspace.data.DatasetSource;
import io.qspace.data.LoadIssue;
import io.qspace.results.Csv;
import io.qspace.select.Selector;
import io.qspace.store.ContentHash;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A study unwound: its datasets read and curated, and the root invocations (one prepare step per dataset) whose
 * subtrees unfold as they run. Printing a plan shows its shape and counts before anything runs.
 */
public final class Plan {
    private final Study study;
    private final List<Dataset> datasets;
    private final List<DatasetSource.SkippedDataset> skipped;
    private final List<Invocation> roots;
    private final List<String> datasetHashes;
    private final String storeUri;

    private Plan(Study study, List<Dataset> datasets, List<DatasetSource.SkippedDataset> skipped,
                 List<String> datasetHashes, List<Invocation> roots, String storeUri) {
        this.study = study;
        this.datasets = List.copyOf(datasets);
        this.skipped = List.copyOf(skipped);
        this.datasetHashes = List.copyOf(datasetHashes);
        this.roots = List.copyOf(roots);
        this.storeUri = storeUri;
    }

    public static Plan of(Study study) {
        if (study.datasets().isEmpty()) {
            throw new IllegalStateException("study " + study.name()
                    + " has no datasets: add some with .datasets(Datasets.csv(\"path/*.csv\"))");
        }
        List<Dataset> datasets = new ArrayList<>();
        List<DatasetSource.SkippedDataset> skipped = new ArrayList<>();
        for (DatasetSource source : study.datasets()) {
            DatasetSource.Loaded loaded = source.load();
            datasets.addAll(loaded.datasets());
            skipped.addAll(loaded.skipped());
        }
        List<Selector> selectors = study.featureSetSelectors();
        List<String> hashes = new ArrayList<>();
        List<Invocation> roots = new ArrayList<>();
        for (Dataset dataset : datasets) {
            String hash = hash(dataset);
            hashes.add(hash);
            roots.add(Invocation.of(new PrepareTask(dataset.name(), hash, dataset.size(), study.split(),
                    study.descriptors(), study.filters(), selectors, study.seed(), study.builders(),
                    study.validation())));
        }
        return new Plan(study, datasets, skipped, hashes, roots, resolveStore(study.store()));
    }

    /**
     * A plan of hand-made root invocations, without datasets: for runners' tests and benchmarks, which drive a
     * runner with their own tasks (sleeps, failures, small trees).
     */
    public static Plan ofRoots(Study study, List<Invocation> roots, String storeUri) {
        return new Plan(study, List.of(), List.of(), List.of(), roots, resolveStore(storeUri));
    }

    /** A folder given relative to the working directory is pinned when planning, so every slot agrees. */
    private static String resolveStore(String store) {
        return store.contains("://") || store.startsWith("file:") ? store
                : Path.of(store).toAbsolutePath().normalize().toUri().toString();
    }

    /** The content of a curated dataset decides its hash: the same compounds and values, the same reused work. */
    static String hash(Dataset dataset) {
        StringBuilder text = new StringBuilder(dataset.name()).append('\n');
        for (Compound c : dataset.compounds()) {
            text.append(c.id()).append('\t').append(c.smiles()).append('\t').append(c.activity()).append('\t')
                    .append(c.givenSplit()).append('\n');
        }
        return ContentHash.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the curated datasets and the reading issues to the store, where every slot or member reads them. */
    public void publish(ObjectStore store) {
        try {
            for (int i = 0; i < datasets.size(); i++) {
                String key = StoreKeys.dataset(datasetHashes.get(i));
                if (!store.exists(key)) {
                    store.put(key, Serialization.toBytes(datasets.get(i)));
                }
            }
            store.put(StoreKeys.studyIssues(study.name()), issuesCsv().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write study " + study.name() + "'s inputs to " + store.uri()
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

    public Study study() { return study; }
    public List<Dataset> datasets() { return datasets; }
    public List<DatasetSource.SkippedDataset> skipped() { return skipped; }
    public List<Invocation> roots() { return roots; }
    public String storeUri() { return storeUri; }

    /** Invocations the whole tree will have if every selector yields a non-empty feature set. */
    public int expectedInvocations() {
        return roots.stream().mapToInt(r -> r.task().expectedSubtreeSize()).sum();
    }

    public int featureSetsPerDataset() {
        return study.featureSetSelectors().size();
    }

    @Override
    public String toString() {
        int fs = featureSetsPerDataset();
        int b = study.builders().size();
        int grid = study.builders().stream().mapToInt(x -> x.grid().size()).sum();
        StringBuilder s = new StringBuilder();
        s.append("Plan for study ").append(study.name()).append(" (seed ").append(study.seed()).append(")\n");
        s.append("  ").append(datasets.size()).append(" dataset(s)");
        if (!skipped.isEmpty()) {
            s.append(", ").append(skipped.size()).append(" skipped");
        }
        s.append('\n');
        for (Dataset d : datasets) {
            s.append("    ").append(d.name()).append(": ").append(d.size()).append(" compounds")
                    .append(d.issues().isEmpty() ? "" : ", " + d.issues().size() + " issue(s)").append('\n');
        }
        for (DatasetSource.SkippedDataset d : skipped) {
            s.append("    ").append(d.name()).append(": skipped, ").append(d.reason()).append('\n');
        }
        s.append("  per dataset: 1 prepare (split ").append(study.split().describe()).append(", ")
                .append(study.descriptors().describe()).append(", ").append(fs).append(" feature sets)\n");
        s.append("             -> ").append(fs).append(" feature sets x ").append(b).append(" builders = ")
                .append(fs * b).append(" build + cross-validate (").append(grid).append(" grid points, ")
                .append(study.validation().describe()).append(")\n");
        s.append("             -> ").append(fs * b).append(" test + store\n");
        s.append("  invocations: ").append(expectedInvocations()).append(" in all (")
                .append(1 + 2 * fs * b).append(" per dataset)\n");
        s.append("  store: ").append(storeUri);
        return s.toString();
    }
}
