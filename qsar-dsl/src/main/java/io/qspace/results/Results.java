package io.qspace.results;

import io.qspace.store.StoreKeys;
import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A study's results read back from the store: one row per model (or failed invocation), the best model per dataset,
 * and the stored models themselves, ready to predict.
 */
public final class Results {
    static final ColumnType[] OUT_OF_FOLD_TYPES = {
        ColumnType.STRING, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE};

    /** The run manifest's key saying how a dataset's model is chosen when the study made a consensus. */
    public static final String CONSENSUS_CHOICE = "consensus_choice";
    /** Its value when the consensus is always the chosen model (Study.consensusAlways). */
    public static final String ALWAYS = "always";

    private final ObjectStore store;
    private final String study;
    private final String runId;
    private final Table table;
    private final Table issues;
    private final Map<String, String> manifest;

    private Results(ObjectStore store, String study, String runId, Table table, Table issues,
                    Map<String, String> manifest) {
        this.store = store;
        this.study = study;
        this.runId = runId;
        this.table = table;
        this.issues = issues;
        this.manifest = manifest;
    }

    public static Results load(String storeUri, String study) {
        return load(ObjectStores.open(storeUri), study);
    }

    /** The study's latest run (by start time); a store written before runs had ids gives its one table. */
    public static Results load(ObjectStore store, String study) {
        List<String> runs = runs(store, study);
        if (runs.isEmpty()) {
            if (store.getOrEmpty(StoreKeys.studyResults(study)).isEmpty()) {
                throw new IllegalStateException("no results of study '" + study + "' in store " + store.uri()
                        + ": studies there are " + new ModelLibrary(store).studies());
            }
            return read(store, study, "", StoreKeys.studyResults(study), StoreKeys.studyIssues(study),
                    StoreKeys.studyManifest(study));
        }
        return load(store, study, runs.get(runs.size() - 1));
    }

    /** One run of a study, by its id (see {@link #runs}); each run keeps its own table. */
    public static Results load(ObjectStore store, String study, String runId) {
        return read(store, study, runId, StoreKeys.runResults(study, runId), StoreKeys.runIssues(study, runId),
                StoreKeys.runManifest(study, runId));
    }

    /** The ids of the study's finished runs in the store, oldest first. */
    public static List<String> runs(ObjectStore store, String study) {
        String prefix = StoreKeys.studyRuns(study);
        try {
            return store.list(prefix).stream().filter(k -> k.endsWith("/results.csv"))
                    .map(k -> k.substring(prefix.length(), k.length() - "/results.csv".length()))
                    .filter(id -> !id.contains("/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing the runs of study " + study + " in " + store.uri() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Results read(ObjectStore store, String study, String runId, String tableKey, String issuesKey,
                                String manifestKey) {
        String csv = new String(store.require(tableKey), StandardCharsets.UTF_8);
        Table table = readResults(csv, study);
        Table issues = store.getOrEmpty(issuesKey)
                .map(b -> readCsv(new String(b, StandardCharsets.UTF_8), null, study + " issues"))
                .orElse(Table.create(study + " issues"));
        return new Results(store, study, runId, table, issues, manifest(store, manifestKey));
    }

    /** A run manifest's properties, sorted by key; none when the store has no manifest there. */
    private static Map<String, String> manifest(ObjectStore store, String key) {
        Map<String, String> manifest = new LinkedHashMap<>();
        store.getOrEmpty(key).ifPresent(b -> {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(b, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> manifest.put(k, p.getProperty(k)));
        });
        return manifest;
    }

    /** Only the study's latest results table (one read), typed; for readers that need neither issues nor manifest. */
    static Table readTable(ObjectStore store, String study) {
        return readResults(new String(store.require(StoreKeys.studyResults(study)), StandardCharsets.UTF_8), study);
    }

    /**
     * A results table, typed by column name: a table written by an older qspace, with fewer columns, reads with
     * the columns it lacks empty (the compacted records are versioned by their header).
     */
    static Table readResults(String csv, String name) {
        String header = csv.lines().findFirst().orElse("");
        if (header.equals(ResultColumn.header())) {
            return readCsv(csv, ResultColumn.types(), name);
        }
        java.util.Map<String, ColumnType> byName = new java.util.HashMap<>();
        for (ResultColumn c : ResultColumn.values()) {
            byName.put(c.label(), c.type());
        }
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(csv)).tableName(name)
                    .missingValueIndicator("").columnTypes(column -> byName.getOrDefault(column, ColumnType.STRING))
                    .build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read results table " + name + ": " + e.getMessage(), e);
        }
        Table full = Table.create(name);
        for (ResultColumn c : ResultColumn.values()) {
            if (t.columnNames().contains(c.label())) {
                full.addColumns(t.column(c.label()));
            } else {
                var empty = c.type().create(c.label());
                for (int i = 0; i < t.rowCount(); i++) {
                    empty.appendMissing();
                }
                full.addColumns(empty);
            }
        }
        return full;
    }

    /** A results table with every column and no rows. */
    static Table emptyTable() {
        Table t = Table.create("results");
        for (ResultColumn c : ResultColumn.values()) {
            t.addColumns(c.type().create(c.label()));
        }
        return t;
    }

    static Table readCsv(String csv, ColumnType[] types, String name) {
        try {
            CsvReadOptions.Builder options = CsvReadOptions.builder(new StringReader(csv)).tableName(name)
                    .missingValueIndicator("");
            if (types != null) {
                options.columnTypes(types);
            }
            return Table.read().usingOptions(options.build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read results table " + name + ": " + e.getMessage(), e);
        }
    }

    public String study() {
        return study;
    }

    /** The run these results are of ("" for a store written before runs had ids). */
    public String runId() {
        return runId;
    }

    /** One row per model: dataset, feature set, builder, chosen parameters, CV and test metrics, time, status. */
    public Table table() {
        return table;
    }

    /** Rows that failed, with their errors. */
    public Table failures() {
        return table.where(table.stringColumn("status").isEqualTo(ResultColumn.FAILED));
    }

    /** What was skipped or flagged while reading the datasets: file, row, field, message. */
    public Table issues() {
        return issues;
    }

    /**
     * The best model of each dataset by its cross-validated metric (RMSE; for a classification ROC-AUC or the metric
     * the study named; never by the test set), best datasets first. A table of classifications shows the class
     * measures (ROC-AUC, PR-AUC, MCC, balanced accuracy, F1, Brier) in place of Q2, RMSE and MAE.
     * {@code vs_runner_up_p} is the p-value of the corrected resampled t-test of the best model against the
     * second best on their shared folds (NaN when there is no runner-up or no fold RMSEs); above
     * {@value RunnerUp#SIGNIFICANCE} the winner is not significantly better, as {@link #leaderboardNotes()} says.
     */
    public Table leaderboard() {
        Table ok = ModelChoice.sorted(table.where(table.stringColumn("status").isEqualTo(ResultColumn.OK)));
        List<Integer> firsts = chosenRows(ok);
        // Table.rows() of no rows throws (Ints.max of nothing): an empty copy keeps the columns
        Table out = firsts.isEmpty() ? ok.emptyCopy() : ok.rows(firsts.stream().mapToInt(Integer::intValue).toArray());
        out.setName(study + " leaderboard");
        out.addColumns(DoubleColumn.create("vs_runner_up_p",
                firsts.stream().mapToDouble(i -> ok.stringColumn("builder").get(i).equals(
                        io.qspace.plan.ConsensusTask.BUILDER) ? Double.NaN : RunnerUp.pValue(ok, i)).toArray()));
        boolean classification = out.rowCount() > 0 && !out.doubleColumn("cv_brier").isMissing(0)
                && out.doubleColumn("cv_brier").countMissing() == 0;
        List<String> metrics = classification
                ? List.of("cv_roc_auc", "cv_pr_auc", "cv_mcc", "cv_balanced_accuracy", "cv_brier", "test_roc_auc",
                        "test_pr_auc", "test_mcc", "test_balanced_accuracy", "test_f1", "test_brier",
                        "vs_runner_up_p")
                : List.of("cv_q2", "cv_rmse", "test_r2", "test_rmse", "test_mae", "vs_runner_up_p");
        List<String> columns = new java.util.ArrayList<>(List.of("dataset", "feature_set", "builder", "parameters",
                "n_features"));
        columns.addAll(metrics.subList(0, metrics.size() - 1));
        columns.addAll(List.of("n_train", "n_test", "selection"));
        if (classification) {
            columns.addAll(List.of("class_balance", "chosen_by"));
        }
        columns.add("vs_runner_up_p");
        Table board = out.selectColumns(columns.toArray(String[]::new));
        // Best datasets first: by test RMSE, or for classifications by test ROC-AUC.
        board = classification ? board.sortDescendingOn("test_roc_auc") : board.sortOn("test_rmse");
        // Printing only: three decimals are what a metric means; the values themselves stay whole.
        for (String metric : metrics) {
            board.doubleColumn(metric).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        return board;
    }

    /**
     * One sentence per dataset whose best model is not significantly better than its runner-up by the corrected
     * resampled t-test over their shared CV folds, so a reader does not take a coin toss for a winner.
     */
    public List<String> leaderboardNotes() {
        Table ok = ModelChoice.sorted(table.where(table.stringColumn("status").isEqualTo(ResultColumn.OK)));
        return RunnerUp.notes(ok, chosenRows(ok));
    }

    /**
     * The row of each dataset's chosen model in {@code ok} (sorted by {@link ModelChoice}): its first, or its
     * consensus when the study chose the consensus always. Row numbers, not Row objects: Tablesaw rows are cursors.
     */
    private List<Integer> chosenRows(Table ok) {
        List<Integer> firsts = new java.util.ArrayList<>();
        String previous = null;
        for (int i = 0; i < ok.rowCount(); i++) {
            String dataset = ok.stringColumn("dataset").get(i);
            if (!dataset.equals(previous)) {
                firsts.add(i);
                previous = dataset;
            } else if (consensusChosenAlways()
                    && ok.stringColumn("builder").get(i).equals(io.qspace.plan.ConsensusTask.BUILDER)) {
                firsts.set(firsts.size() - 1, i); // the consensus is the chosen model
            }
        }
        return firsts;
    }

    /**
     * The cross-validated predictions of a model's chosen grid point on the training part: id, repeat, fold,
     * observed, predicted (one row per training compound and repeat), the basis of a CV predicted-versus-observed
     * plot and of conformal intervals.
     */
    public Table outOfFold(StoredModel model) {
        String build = model.provenance().build();
        if (build == null || build.isEmpty()) {
            throw new IllegalStateException(model + " was stored without its build's id, by a qspace version that"
                    + " kept no out-of-fold predictions: run the study again to get them");
        }
        String csv = new String(store.require(StoreKeys.outOfFold(build)), StandardCharsets.UTF_8);
        return readCsv(csv, OUT_OF_FOLD_TYPES, model + " out of fold");
    }

    /**
     * The chosen model of a dataset: the best by the CV metric that chose it (RMSE; ROC-AUC for a classification), or
     * its consensus when the study chose the consensus always ({@code Study.consensusAlways}).
     */
    public StoredModel best(String dataset) {
        return bestWhere(dataset, null);
    }

    /** The best model of a dataset built by one builder (e.g. "rf"), by CV RMSE. */
    public StoredModel best(String dataset, String builder) {
        return bestWhere(dataset, builder);
    }

    /** Whether each dataset's consensus, when it has one, is its chosen model (Study.consensusAlways). */
    boolean consensusChosenAlways() {
        return ALWAYS.equals(manifest.get(CONSENSUS_CHOICE));
    }

    private StoredModel bestWhere(String dataset, String builder) {
        String key = chosenKey(dataset, builder);
        if (key == null) {
            throw new IllegalArgumentException("no model for dataset '" + dataset + "'"
                    + (builder == null ? "" : " and builder '" + builder + "'") + " in study " + study
                    + "; datasets with models: " + table.stringColumn("dataset").unique().asList());
        }
        return StoredModel.load(store, key);
    }

    /** The store key of {@link #best(String)}'s model, without loading it; null when the dataset has no model. */
    String chosenKey(String dataset) {
        return chosenKey(dataset, null);
    }

    private String chosenKey(String dataset, String builder) {
        if (builder == null && consensusChosenAlways()) {
            for (int i = 0; i < table.rowCount(); i++) {
                if (table.stringColumn("status").get(i).equals(ResultColumn.OK)
                        && table.stringColumn("dataset").get(i).equals(dataset)
                        && table.stringColumn("builder").get(i).equals(io.qspace.plan.ConsensusTask.BUILDER)) {
                    return table.stringColumn("model").get(i);
                }
            }
        }
        int best = -1;
        for (int i = 0; i < table.rowCount(); i++) {
            if (!table.stringColumn("status").get(i).equals(ResultColumn.OK) || !table.stringColumn("dataset").get(i).equals(dataset)
                    || (builder != null && !table.stringColumn("builder").get(i).equals(builder))) {
                continue;
            }
            if (best < 0 || ModelChoice.key(table, i) < ModelChoice.key(table, best)) {
                best = i;
            }
        }
        return best < 0 ? null : table.stringColumn("model").get(best);
    }

    /**
     * A file of three or more classes (a label column, modelled one class against the rest in datasets named
     * {@code file.class}) judged as one classifier on its test part: the predicted class, per-class probabilities,
     * prediction sets, confusion matrix and multi-class metrics ({@link MultiClassResults}).
     */
    public MultiClassResults multiClass(String file) {
        return MultiClassResults.of(this, file);
    }

    /**
     * Test-set predictions of a stored model: id, smiles, observed, predicted, ad_score, in_domain, and the bounds
     * of its conformal intervals (lower_80, upper_80, lower_90, upper_90) when the model has them.
     */
    public Table testPredictions(StoredModel model) {
        String key = StoreKeys.predictions(model.provenance().invocation());
        Table t = readCsv(new String(store.require(key), StandardCharsets.UTF_8), null, model.toString());
        if (model.conformal() == null || !t.containsColumn("ad_score")) { // a classifier's sets are in the file
            return t;
        }
        for (double c : io.qspace.validate.Conformal.DEFAULT_CONFIDENCES) {
            tech.tablesaw.api.DoubleColumn lower = tech.tablesaw.api.DoubleColumn.create(
                    "lower_" + io.qspace.validate.Interval.percent(c));
            tech.tablesaw.api.DoubleColumn upper = tech.tablesaw.api.DoubleColumn.create(
                    "upper_" + io.qspace.validate.Interval.percent(c));
            for (int i = 0; i < t.rowCount(); i++) {
                var interval = model.conformal().interval(t.numberColumn("predicted").getDouble(i),
                        t.numberColumn("ad_score").getDouble(i), c);
                lower.append(interval.lower());
                upper.append(interval.upper());
            }
            t.addColumns(lower, upper);
        }
        return t;
    }

    /**
     * Per dataset, the chosen model's CV RMSE beside {@code selection_cv_rmse}: the CV RMSE of the procedure that
     * chose it, "pick the best of the dataset's candidates by CV", each held-out fold predicted by the winner picked
     * without it (from the stored out-of-fold predictions, nothing refitted). The plain CV of a winner of many is
     * optimistic; this one is not, up to each candidate's grid being tuned on all folds. A chosen consensus's CV is
     * nested already and is repeated (the consensus is chosen when the study chose it always, or when its nested CV
     * is the lowest). Columns: dataset, model, candidates, then cv_ and selection_cv_ of the metric that chose the
     * dataset's models (cv_rmse and selection_cv_rmse by default; cv_roc_auc and selection_cv_roc_auc for a
     * classification).
     */
    public Table selectionCv() {
        return SelectionCv.of(table, store, study, consensusChosenAlways());
    }

    /** How the run went: executed, reused and failed invocation counts, seconds. */
    public Map<String, String> summary() {
        return manifest;
    }

    public int executed() {
        return Integer.parseInt(manifest.getOrDefault("executed", "0"));
    }

    public int reused() {
        return Integer.parseInt(manifest.getOrDefault("reused", "0"));
    }

    public int failed() {
        return Integer.parseInt(manifest.getOrDefault("failed", "0"));
    }

    public ObjectStore store() {
        return store;
    }

    /** Whether at least one model was made: without one there is no leaderboard, only {@link #failures()}. */
    public boolean hasModels() {
        return table.stringColumn("status").isEqualTo(ResultColumn.OK).size() > 0;
    }

    @Override
    public String toString() {
        String head = "Results of " + study + (runId.isEmpty() ? "" : " (run " + runId + ")") + ": "
                + table.rowCount() + " rows, " + executed() + " invocations executed, " + reused() + " reused, "
                + failed() + " failed\n";
        if (!hasModels()) {
            return head + "No model was made. What failed and why:\n"
                    + failures().selectColumns("dataset", "feature_set", "builder", "error").print();
        }
        return head + leaderboard().print()
                + leaderboardNotes().stream().map(note -> "\n" + note).collect(java.util.stream.Collectors.joining());
    }
}
