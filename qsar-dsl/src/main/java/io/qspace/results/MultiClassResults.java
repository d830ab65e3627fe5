package io.qspace.results;

import io.qspace.data.OneVsRest;
import io.qspace.validate.ClassificationMetrics;
import io.qspace.validate.Conformal;
import io.qspace.validate.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A file of three or more classes judged as one classifier: each class's chosen model (its dataset of that class
 * against the rest, {@link OneVsRest}) scores every test compound, and the file's answer is the class with the highest
 * probability; the probabilities are the per-class calibrated ones scaled to sum to 1. A class is in the prediction set
 * at a confidence when its own model's Mondrian set holds it, so each set holds the true class at least as often as
 * the confidence on every class, as its model's set does (one-vs-rest conformal). The classes' datasets share their
 * test part (one split for the file), so every test compound has every class's score.
 */
public final class MultiClassResults {
    private final String file;
    private final List<String> classes;
    private final List<StoredModel> models;
    private final Table predictions;
    private final int[] observed;
    private final int[] predicted;
    private final double[][] probability;
    private final Map<Double, List<List<Integer>>> sets;

    private MultiClassResults(String file, List<String> classes, List<StoredModel> models, Table predictions,
                              int[] observed, int[] predicted, double[][] probability,
                              Map<Double, List<List<Integer>>> sets) {
        this.file = file;
        this.classes = classes;
        this.models = models;
        this.predictions = predictions;
        this.observed = observed;
        this.predicted = predicted;
        this.probability = probability;
        this.sets = sets;
    }

    /** The file's classes, each one's chosen model, and their test predictions put together. */
    static MultiClassResults of(Results results, String file) {
        Map<String, FileClasses> versions = FileClasses.in(results.store(), results.table(), file);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no file of three or more classes named '" + file + "' has models in "
                    + "study " + results.study() + "; its datasets with models: "
                    + results.table().stringColumn("dataset").unique().asList()
                    + " (a file's classes are datasets named file.class)");
        }
        if (versions.size() > 1) {
            throw new IllegalStateException("the classes of " + file + " in study " + results.study()
                    + " come from " + versions.size() + " versions of the file: run the study again on one version");
        }
        FileClasses found = versions.values().iterator().next();
        if (!found.complete()) {
            throw new IllegalStateException("the classes of " + file + " cannot be judged together: " + found.missing()
                    + " has no model in study " + results.study() + " (see the run's skipped datasets and failures;"
                    + " a class needs at least as many compounds as CV folds)");
        }
        List<String> classes = found.family().classes();
        List<StoredModel> models = new ArrayList<>();
        List<Table> perClass = new ArrayList<>();
        for (String c : classes) {
            StoredModel m = results.best(results.table().stringColumn("dataset").get(found.rows().get(c)));
            models.add(m);
            perClass.add(results.testPredictions(m));
        }
        return combine(file, classes, models, perClass);
    }

    static MultiClassResults combine(String file, List<String> classes, List<StoredModel> models,
                                             List<Table> perClass) {
        Table first = perClass.get(0);
        int n = first.rowCount();
        int k = classes.size();
        List<Map<String, Integer>> rowOf = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            Table t = perClass.get(c);
            Map<String, Integer> rows = new HashMap<>();
            for (int i = 0; i < t.rowCount(); i++) {
                if (rows.put(key(t, i), i) != null) {
                    throw new IllegalStateException("test compound " + key(t, i).replace('\t', ' ') + " of "
                            + file + " appears twice in " + classes.get(c) + "'s test predictions");
                }
            }
            if (t.rowCount() != n || !rows.keySet().equals(rowOf.isEmpty() ? rows.keySet() : rowOf.get(0).keySet())) {
                throw new IllegalStateException("the test parts of " + file + "'s classes differ (" + classes.get(0)
                        + ": " + n + " compounds, " + classes.get(c) + ": " + t.rowCount() + "): a file's classes need one split, and a custom"
                        + " Split must sort by Dataset.stratum(i), not by each class's own 0/1 activity");
            }
            rowOf.add(rows);
        }
        int[] observed = new int[n];
        int[] predicted = new int[n];
        double[][] probability = new double[n][];
        Map<Double, List<List<Integer>>> sets = new LinkedHashMap<>();
        Conformal.DEFAULT_CONFIDENCES.forEach(conf -> sets.put(conf, new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            String id = key(first, i);
            observed[i] = -1;
            double[] p = new double[k];
            Map<Double, List<String>> labels = new LinkedHashMap<>();
            for (int c = 0; c < k; c++) {
                Table t = perClass.get(c);
                int row = rowOf.get(c).get(id);
                if (t.numberColumn("observed").getDouble(row) == 1) {
                    observed[i] = c;
                }
                p[c] = t.numberColumn("probability").getDouble(row);
                for (double conf : Conformal.DEFAULT_CONFIDENCES) {
                    // a column of classes that look like numbers is read as numbers: compare as text
                    labels.computeIfAbsent(conf, x -> new ArrayList<>())
                            .add(t.column("set_" + Interval.percent(conf)).getString(row));
                }
            }
            if (observed[i] < 0) {
                throw new IllegalStateException("test compound " + id.replace('\t', ' ') + " of " + file
                        + " is of none of its classes'"
                        + " datasets: the stored predictions do not belong together; run the study again");
            }
            Answer answer = Answer.of(classes, p, labels);
            predicted[i] = answer.predicted();
            probability[i] = answer.probability();
            answer.sets().forEach((conf, set) -> sets.get(conf).add(set));
        }
        return new MultiClassResults(file, classes, models, table(file, classes, first, observed, predicted,
                probability, sets), observed, predicted, probability, sets);
    }

    /**
     * The file's answer for one compound from each class's calibrated probability (in class order) and each class's
     * own prediction-set label per confidence ("not high|high"): probabilities scaled to sum to 1, the likeliest
     * class (the first on a tie), and per confidence the classes whose own set holds them.
     */
    record Answer(int predicted, double[] probability, Map<Double, List<Integer>> sets) {
        static Answer of(List<String> classes, double[] calibrated, Map<Double, List<String>> labels) {
            int k = classes.size();
            if (Arrays.stream(calibrated).anyMatch(Double::isNaN)) {
                throw new IllegalStateException("a class's model gave no probability (NaN) for a compound: "
                        + Arrays.toString(calibrated) + " for classes " + classes);
            }
            double sum = Arrays.stream(calibrated).sum();
            double[] p = new double[k];
            int best = 0;
            for (int c = 0; c < k; c++) {
                p[c] = sum > 0 ? calibrated[c] / sum : 1.0 / k;
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            Map<Double, List<Integer>> sets = new LinkedHashMap<>();
            labels.forEach((conf, perClass) -> {
                List<Integer> set = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    // a class's own set: "", its rest, itself, or "rest|itself" (no class name holds a '|')
                    String label = perClass.get(c);
                    String positive = classes.get(c);
                    if (label.equals(positive) || label.equals(OneVsRest.rest(positive) + "|" + positive)) {
                        set.add(c);
                    }
                }
                sets.put(conf, set);
            });
            return new Answer(best, p, sets);
        }
    }

    /**
     * New structures through every class's chosen model: smiles, predicted class, p_ per class (summing to 1),
     * set_80 and set_90, in_domain (inside every class model's applicability domain) and error.
     */
    public Table predict(List<String> smiles) {
        return model().predict(smiles);
    }

    /** The classes' chosen models as one predictor, as the model library and the CLI give it. */
    public MultiClassModel model() {
        return new MultiClassModel(file, classes, models);
    }

    private static Table table(String file, List<String> classes, Table first, int[] observed, int[] predicted,
                               double[][] probability, Map<Double, List<List<Integer>>> sets) {
        Table t = Table.create(file + " test predictions",
                text(first, "id"), text(first, "smiles"));
        t.addColumns(StringColumn.create("observed", Arrays.stream(observed).mapToObj(classes::get)),
                StringColumn.create("predicted", Arrays.stream(predicted).mapToObj(classes::get)));
        for (int c = 0; c < classes.size(); c++) {
            int cls = c;
            t.addColumns(DoubleColumn.create("p_" + classes.get(c),
                    Arrays.stream(probability).mapToDouble(p -> p[cls])));
        }
        sets.forEach((conf, perCompound) -> t.addColumns(StringColumn.create("set_" + Interval.percent(conf),
                perCompound.stream().map(s -> String.join("|", s.stream().map(classes::get).toList())))));
        return t;
    }

    /** A test compound: its id and structure (ids repeat in some files). */
    private static String key(Table t, int row) {
        return t.column("id").getString(row) + "\t" + t.column("smiles").getString(row);
    }

    private static StringColumn text(Table t, String column) {
        return StringColumn.create(column, java.util.stream.IntStream.range(0, t.rowCount())
                .mapToObj(i -> t.column(column).getString(i)));
    }

    public String file() {
        return file;
    }

    /** The file's classes, in code order. */
    public List<String> classes() {
        return classes;
    }

    /** Each class's chosen model (of its dataset against the rest), in class order. */
    public List<StoredModel> models() {
        return models;
    }

    /**
     * One row per test compound: id, smiles, observed and predicted class, p_ per class (summing to 1), and set_80,
     * set_90: the classes its prediction set holds at that confidence ("high", "mid|high", or "" for none).
     */
    public Table predictions() {
        return predictions;
    }

    /**
     * Each class against the rest on the test part, for ROC and precision-recall curves ({@code Plots.roc}): per
     * class a table of id, observed (1 for the class, 0 for the rest) and predicted (its scaled probability).
     */
    public Map<String, Table> againstTheRest() {
        Map<String, Table> out = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            int cls = c;
            out.put(classes.get(c), Table.create(file + ": " + classes.get(c) + " against the rest",
                    predictions.stringColumn("id").copy(),
                    DoubleColumn.create("observed", Arrays.stream(observed).mapToDouble(o -> o == cls ? 1 : 0)),
                    DoubleColumn.create("predicted", Arrays.stream(probability).mapToDouble(p -> p[cls]))));
        }
        return out;
    }

    /** Test compounds by observed class (rows) and predicted class (columns). */
    public Table confusion() {
        Table t = Table.create(file + " confusion (rows observed, columns predicted)",
                StringColumn.create("observed", classes));
        for (int c = 0; c < classes.size(); c++) {
            int[] counts = new int[classes.size()];
            for (int i = 0; i < observed.length; i++) {
                if (predicted[i] == c) {
                    counts[observed[i]]++;
                }
            }
            t.addColumns(IntColumn.create(classes.get(c), counts));
        }
        return t;
    }

    /**
     * On the test part, as scikit-learn defines them: accuracy, balanced_accuracy (mean recall over the classes the
     * test part holds), macro_f1 (mean F1 over the classes observed or predicted), mcc (Gorodkin's multi-class MCC),
     * macro_roc_auc (mean over the classes the test part holds of each class's ROC-AUC against the rest), and per
     * confidence the coverage (share of compounds whose set holds their class) and mean_set_size.
     */
    public Map<String, Double> metrics() {
        int n = observed.length;
        int k = classes.size();
        int[][] m = new int[k][k];
        for (int i = 0; i < n; i++) {
            m[observed[i]][predicted[i]]++;
        }
        double correct = 0;
        double recall = 0;
        double f1 = 0;
        int observedClasses = 0;
        int calledClasses = 0;
        double[] truth = new double[k];
        double[] calls = new double[k];
        for (int c = 0; c < k; c++) {
            correct += m[c][c];
            for (int d = 0; d < k; d++) {
                truth[c] += m[c][d];
                calls[c] += m[d][c];
            }
            if (truth[c] > 0) {
                observedClasses++;
                recall += m[c][c] / truth[c];
            }
            if (truth[c] + calls[c] > 0) {
                calledClasses++;
                f1 += 2.0 * m[c][c] / (truth[c] + calls[c]);
            }
        }
        double dot = 0;
        double truthSquares = 0;
        double callSquares = 0;
        for (int c = 0; c < k; c++) {
            dot += truth[c] * calls[c];
            truthSquares += truth[c] * truth[c];
            callSquares += calls[c] * calls[c];
        }
        double denominator = Math.sqrt(((double) n * n - callSquares) * ((double) n * n - truthSquares));
        double auc = 0;
        for (int c = 0; c < k; c++) {
            if (truth[c] == 0 || truth[c] == n) {
                continue; // a class the test part lacks (or holds alone) has no ROC curve
            }
            int cls = c;
            auc += ClassificationMetrics.rocAuc(Arrays.stream(observed).mapToDouble(o -> o == cls ? 1 : 0).toArray(),
                    Arrays.stream(probability).mapToDouble(p -> p[cls]).toArray());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", correct / n);
        out.put("balanced_accuracy", recall / observedClasses);
        out.put("macro_f1", f1 / calledClasses);
        out.put("mcc", denominator == 0 ? 0 : (correct * n - dot) / denominator);
        out.put("macro_roc_auc", observedClasses < 2 ? Double.NaN : auc / observedClasses);
        sets.forEach((conf, perCompound) -> {
            double covered = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                covered += perCompound.get(i).contains(observed[i]) ? 1 : 0;
                size += perCompound.get(i).size();
            }
            out.put("coverage_" + Interval.percent(conf), covered / n);
            out.put("mean_set_size_" + Interval.percent(conf), size / n);
        });
        return out;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file).append(": ").append(classes.size()).append(" classes (")
                .append(String.join(", ", classes)).append("), ").append(observed.length).append(" test compounds");
        metrics().forEach((name, value) -> out.append(String.format(Locale.ROOT, "; %s %.3f", name, value)));
        return out.toString();
    }
}
