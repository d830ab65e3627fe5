package io.qspace.results;

import io.qspace.plan.StoreKeys;
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
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A study's results read back from the store: one row per model (or failed invocation), the best model per dataset,
 * and the stored models themselves, ready to predict.
 */
public final class Results {
    private static final ColumnType[] TYPES = {
        ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING,
        ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
        ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE,
        ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
        ColumnType.STRING, ColumnType.STRING, ColumnType.LONG, ColumnType.STRING,
        ColumnType.STRING, ColumnType.STRING, ColumnType.STRING};

    private final ObjectStore store;
    private final String study;
    private final Table table;
    private final Table issues;
    private final Map<String, String> manifest;

    private Results(ObjectStore store, String study, Table table, Table issues, Map<String, String> manifest) {
        this.store = store;
        this.study = study;
        this.table = table;
        this.issues = issues;
        this.manifest = manifest;
    }

    public static Results load(String storeUri, String study) {
        return load(ObjectStores.open(storeUri), study);
    }

    public static Results load(ObjectStore store, String study) {
        String csv = new String(store.require(StoreKeys.studyResults(study)), StandardCharsets.UTF_8);
        Table table = readCsv(csv, TYPES, study);
        Table issues = store.getOrEmpty(StoreKeys.studyIssues(study))
                .map(b -> readCsv(new String(b, StandardCharsets.UTF_8), null, study + " issues"))
                .orElse(Table.create(study + " issues"));
        Map<String, String> manifest = new LinkedHashMap<>();
        store.getOrEmpty(StoreKeys.studyManifest(study)).ifPresent(b -> {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(b, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> manifest.put(k, p.getProperty(k)));
        });
        return new Results(store, study, table, issues, manifest);
    }

    /** Only the study's results table (one read), typed; for readers that need neither issues nor manifest. */
    static Table readTable(ObjectStore store, String study) {
        return readCsv(new String(store.require(StoreKeys.studyResults(study)), StandardCharsets.UTF_8), TYPES, study);
    }

    /** A results table with every column and no rows. */
    static Table emptyTable() {
        Table t = Table.create("results");
        for (int i = 0; i < TYPES.length; i++) {
            t.addColumns(TYPES[i].create(ResultRecord.COLUMNS.get(i)));
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

    /** One row per model: dataset, feature set, builder, chosen parameters, CV and test metrics, time, status. */
    public Table table() {
        return table;
    }

    /** Rows that failed, with their errors. */
    public Table failures() {
        return table.where(table.stringColumn("status").isEqualTo("failed"));
    }

    /** What was skipped or flagged while reading the datasets: file, row, field, message. */
    public Table issues() {
        return issues;
    }

    /** The best model of each dataset by cross-validated RMSE (never by the test set), best datasets first. */
    public Table leaderboard() {
        Table ok = table.where(table.stringColumn("status").isEqualTo("ok")).sortOn("dataset", "cv_rmse");
        // Tablesaw rows are cursors: keep row numbers, not Row objects
        java.util.List<Integer> firsts = new java.util.ArrayList<>();
        String previous = null;
        for (int i = 0; i < ok.rowCount(); i++) {
            String dataset = ok.stringColumn("dataset").get(i);
            if (!dataset.equals(previous)) {
                firsts.add(i);
                previous = dataset;
            }
        }
        Table out = ok.rows(firsts.stream().mapToInt(Integer::intValue).toArray());
        out.setName(study + " leaderboard");
        Table board = out.selectColumns("dataset", "feature_set", "builder", "parameters", "n_features", "cv_q2",
                "cv_rmse", "test_r2", "test_rmse", "test_mae", "n_train", "n_test").sortOn("test_rmse");
        // Printing only: three decimals are what a metric means; the values themselves stay whole.
        for (String metric : List.of("cv_q2", "cv_rmse", "test_r2", "test_rmse", "test_mae")) {
            board.doubleColumn(metric).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        return board;
    }

    /** The best model of a dataset by CV RMSE. */
    public StoredModel best(String dataset) {
        return bestWhere(dataset, null);
    }

    /** The best model of a dataset built by one builder (e.g. "rf"), by CV RMSE. */
    public StoredModel best(String dataset, String builder) {
        return bestWhere(dataset, builder);
    }

    private StoredModel bestWhere(String dataset, String builder) {
        int best = -1;
        for (int i = 0; i < table.rowCount(); i++) {
            if (!table.stringColumn("status").get(i).equals("ok") || !table.stringColumn("dataset").get(i).equals(dataset)
                    || (builder != null && !table.stringColumn("builder").get(i).equals(builder))) {
                continue;
            }
            if (best < 0 || table.doubleColumn("cv_rmse").getDouble(i) < table.doubleColumn("cv_rmse").getDouble(best)) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no model for dataset '" + dataset + "'"
                    + (builder == null ? "" : " and builder '" + builder + "'") + " in study " + study
                    + "; datasets with models: " + table.stringColumn("dataset").unique().asList());
        }
        return StoredModel.load(store, table.stringColumn("model").get(best));
    }

    /** Test-set predictions of a stored model: id, smiles, observed, predicted, ad_score, in_domain. */
    public Table testPredictions(StoredModel model) {
        String key = StoreKeys.predictions(model.provenance().invocation());
        return readCsv(new String(store.require(key), StandardCharsets.UTF_8), null, model.toString());
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

    @Override
    public String toString() {
        return "Results of " + study + ": " + table.rowCount() + " rows, " + executed() + " invocations executed, "
                + reused() + " reused, " + failed() + " failed\n" + leaderboard().print();
    }
}
