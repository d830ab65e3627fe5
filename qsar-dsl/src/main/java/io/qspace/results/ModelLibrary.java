package io.qspace.results;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every model in a store, across its studies: find them by dataset, name, builder or metric, load one, predict.
 * Reads each study's compacted results table (one object per study), never the per-model records.
 */
public final class ModelLibrary {
    private final ObjectStore store;

    public ModelLibrary(ObjectStore store) {
        this.store = store;
    }

    public static ModelLibrary open(String storeUri) {
        return new ModelLibrary(ObjectStores.open(storeUri));
    }

    public ObjectStore store() {
        return store;
    }

    /** Studies with a results table, by name. */
    public List<String> studies() {
        try {
            return store.list("studies/").stream().filter(k -> k.endsWith("/results.csv"))
                    .map(k -> k.substring("studies/".length(), k.length() - "/results.csv".length()))
                    .filter(s -> !s.contains("/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing studies in " + store.uri() + ": " + e.getMessage(), e);
        }
    }

    public Table models() {
        return models(Filter.all());
    }

    /**
     * Models that pass the filter, one row each: the study that made it first (by name), then the result columns.
     * A model found by several studies (same inputs, same invocation) is listed once.
     */
    public Table models(Filter filter) {
        Table all = null;
        Set<String> seen = new HashSet<>();
        for (String study : studies()) {
            Table t = Results.readTable(store, study);
            t = t.where(t.stringColumn("status").isEqualTo(ResultColumn.OK));
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                if (filter.accepts(t, i) && seen.add(t.stringColumn("model").get(i))) {
                    keep.add(i);
                }
            }
            Table rows = keep.isEmpty() ? t.emptyCopy() : t.rows(keep.stream().mapToInt(Integer::intValue).toArray());
            rows.insertColumn(0, StringColumn.create("study", java.util.Collections.nCopies(rows.rowCount(), study)));
            all = all == null ? rows : all.append(rows);
        }
        if (all == null) {
            all = Results.emptyTable();
            all.insertColumn(0, StringColumn.create("study"));
        }
        all.setName("models in " + store.uri());
        return ModelChoice.sorted(all);
    }

    /** A models table as CSV, every column with its exact value (numbers as Java writes doubles, in full). */
    public static String csv(Table models) {
        StringBuilder out = new StringBuilder(Csv.row(models.columnNames())).append('\n');
        for (int i = 0; i < models.rowCount(); i++) {
            java.util.List<String> fields = new ArrayList<>();
            for (var column : models.columns()) {
                Object v = column.get(i);
                fields.add(column.isMissing(i) ? "" : String.valueOf(v));
            }
            out.append(Csv.row(fields)).append('\n');
        }
        return out.toString();
    }

    /** @param modelKey as in the table's model column, e.g. "models/test-ab12.model" */
    public StoredModel load(String modelKey) {
        return StoredModel.load(store, modelKey);
    }

    /**
     * The model of a dataset with the best cross-validated metric across every study (lowest RMSE, highest ROC-AUC
     * for a classification), never chosen by the test set, among the models the studies chose ({@code Results.best}
     * of each): a study that chose its consensus always (the default space's mean of all) offers that consensus, not
     * its single models.
     */
    public StoredModel best(String dataset) {
        return best(Filter.all().dataset(dataset));
    }

    /**
     * The best model that passes the filter (of the first dataset by name), among the studies' chosen models; a
     * builder named picks among its own models by CV, and when no study's choice passes the filter, the best that
     * does.
     */
    public StoredModel best(Filter filter) {
        Table t = models(filter); // sorted by dataset, then the CV metric that chose them
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("no model in " + store.uri() + " matches " + filter
                    + "; datasets with models: " + models().stringColumn("dataset").unique().asList());
        }
        return load(t.stringColumn("model").get(filter.builder() == null
                ? chosenRow(t, 0, false, chosen(List.of(t.stringColumn("dataset").get(0)))) : 0));
    }

    /**
     * In a models table sorted by dataset and CV, from the first row of a dataset: the first row of that dataset
     * (of the same version of it, its dataset hash, when asked) whose model a study chose, else that first row.
     */
    private static int chosenRow(Table t, int first, boolean sameVersion, Set<String> chosen) {
        String dataset = t.stringColumn("dataset").get(first);
        String hash = t.stringColumn("dataset_hash").get(first);
        for (int i = first; i < t.rowCount() && t.stringColumn("dataset").get(i).equals(dataset); i++) {
            if ((!sameVersion || t.stringColumn("dataset_hash").get(i).equals(hash))
                    && chosen.contains(t.stringColumn("model").get(i))) {
                return i;
            }
        }
        return first;
    }

    /**
     * The model keys each study chose for each of the datasets it has models of (its latest run's
     * {@code Results.best}), each study's results read once.
     */
    private Set<String> chosen(List<String> datasets) {
        Set<String> keys = new HashSet<>();
        for (String study : studies()) {
            Results results = Results.load(store, study);
            for (String dataset : datasets) {
                String key = results.chosenKey(dataset);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /**
     * A file of three or more classes as one predictor: for each of its classes the best model by CV of that class's
     * dataset ({@code file.class}) across every study, among the models the studies chose (as {@link #best(String)}),
     * all made from one version of the file. Two versions with
     * models for every class are refused (which one is meant cannot be told); Results.multiClass(file) of one
     * study's results picks that study's.
     */
    public MultiClassModel multiClass(String file) {
        Table all = models(); // sorted by dataset, then the CV metric that chose them: the first row is the best
        Map<String, FileClasses> versions = FileClasses.in(store, all, file);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no file of three or more classes named '" + file + "' has models in "
                    + store.uri() + "; datasets with models: " + all.stringColumn("dataset").unique().asList());
        }
        List<FileClasses> complete = versions.values().stream().filter(FileClasses::complete).toList();
        if (complete.size() > 1) {
            throw new IllegalStateException(complete.size() + " versions of " + file + " have models for every class"
                    + " in " + store.uri() + " (studies " + complete.stream().map(FileClasses::studies).toList()
                    + "): predict with one study's, Results.load(store, study).multiClass(\"" + file + "\")");
        }
        if (complete.isEmpty()) {
            FileClasses first = versions.values().iterator().next();
            throw new IllegalStateException(first.missing() + " has no model in " + store.uri() + " (studies "
                    + first.studies() + "): every class of " + file + " needs one to predict its class");
        }
        FileClasses found = complete.get(0);
        Set<String> chosen = chosen(found.family().classes().stream().map(found.family()::datasetName).toList());
        List<StoredModel> models = found.family().classes().stream()
                .map(c -> load(all.stringColumn("model").get(chosenRow(all, found.rows().get(c), true, chosen))))
                .toList();
        return new MultiClassModel(file, found.family().classes(), models);
    }

    public List<Prediction> predict(String modelKey, List<String> smiles) {
        return load(modelKey).predict(smiles);
    }

    /** Which models to list; every bound is optional. Immutable: each method returns a new filter. */
    public record Filter(String dataset, String nameContains, String builder, double maxTestRmse, double minCvQ2,
                         double maxCvRmse) {
        public static Filter all() {
            return new Filter(null, null, null, Double.NaN, Double.NaN, Double.NaN);
        }

        public Filter dataset(String v) { return new Filter(v, nameContains, builder, maxTestRmse, minCvQ2, maxCvRmse); }
        /** a case-insensitive part of the dataset (target) name */
        public Filter nameContains(String v) { return new Filter(dataset, v, builder, maxTestRmse, minCvQ2, maxCvRmse); }
        public Filter builder(String v) { return new Filter(dataset, nameContains, v, maxTestRmse, minCvQ2, maxCvRmse); }
        public Filter maxTestRmse(double v) { return new Filter(dataset, nameContains, builder, v, minCvQ2, maxCvRmse); }
        public Filter minCvQ2(double v) { return new Filter(dataset, nameContains, builder, maxTestRmse, v, maxCvRmse); }
        public Filter maxCvRmse(double v) { return new Filter(dataset, nameContains, builder, maxTestRmse, minCvQ2, v); }

        boolean accepts(Table t, int row) {
            String d = t.stringColumn("dataset").get(row);
            return (dataset == null || dataset.equals(d))
                    && (nameContains == null || d.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))
                    && (builder == null || builder.equals(t.stringColumn("builder").get(row)))
                    && atMost(t.doubleColumn("test_rmse").getDouble(row), maxTestRmse)
                    && atMost(t.doubleColumn("cv_rmse").getDouble(row), maxCvRmse)
                    && (Double.isNaN(minCvQ2) || t.doubleColumn("cv_q2").getDouble(row) >= minCvQ2);
        }

        /** a model without the metric does not pass a bound on it */
        private static boolean atMost(double value, double bound) {
            return Double.isNaN(bound) || value <= bound;
        }
    }
}
