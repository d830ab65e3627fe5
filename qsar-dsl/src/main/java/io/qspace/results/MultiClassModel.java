package io.qspace.results;

import io.qspace.validate.Conformal;
import io.qspace.validate.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A file of three or more classes as one predictor: each class's chosen model (of its dataset against the rest), in
 * class order. A structure's class is the highest of their calibrated probabilities scaled to sum to 1, and its
 * prediction set at a confidence holds each class whose own Mondrian set holds it ({@link MultiClassResults}).
 *
 * @param file    the file's dataset name, which its classes' datasets ({@code file.class}) share
 * @param classes the file's classes in code order
 * @param models  each class's model, in class order
 */
public record MultiClassModel(String file, List<String> classes, List<StoredModel> models) {
    public MultiClassModel {
        classes = List.copyOf(classes);
        models = List.copyOf(models);
        if (classes.size() != models.size()) {
            throw new IllegalArgumentException(file + ": " + classes.size() + " classes but " + models.size()
                    + " models");
        }
    }

    /**
     * New structures through every class's chosen model: smiles, predicted class, p_ per class (summing to 1),
     * set_80 and set_90, in_domain (inside every class model's applicability domain) and error (a structure that
     * could not be read, the rest go on).
     */
    public Table predict(List<String> smiles) {
        return predict(smiles, Conformal.DEFAULT_CONFIDENCES);
    }

    /** As {@link #predict(List)}, with a prediction set per confidence asked (set_95 for 0.95). */
    public Table predict(List<String> smiles, List<Double> confidences) {
        List<List<Prediction>> perClass = models.stream().map(m -> m.predict(smiles, confidences)).toList();
        StringColumn predictedClass = StringColumn.create("predicted");
        List<DoubleColumn> p = classes.stream().map(c -> DoubleColumn.create("p_" + c)).toList();
        Map<Double, StringColumn> setColumns = new LinkedHashMap<>();
        confidences.forEach(conf -> setColumns.put(conf, StringColumn.create("set_"
                + Interval.percent(conf))));
        BooleanColumn inDomain = BooleanColumn.create("in_domain");
        StringColumn error = StringColumn.create("error");
        for (int i = 0; i < smiles.size(); i++) {
            int row = i;
            String failure = perClass.stream().map(list -> list.get(row)).filter(x -> !x.ok())
                    .map(Prediction::error).findFirst().orElse("");
            error.append(failure);
            inDomain.append(failure.isEmpty() && perClass.stream().allMatch(list -> list.get(row).inDomain()));
            if (!failure.isEmpty()) {
                predictedClass.append("");
                p.forEach(column -> column.append(Double.NaN));
                setColumns.values().forEach(column -> column.append(""));
                continue;
            }
            double[] calibrated = perClass.stream().mapToDouble(list -> list.get(row).classes().probability())
                    .toArray();
            if (java.util.Arrays.stream(calibrated).anyMatch(Double::isNaN)) {
                error.set(error.size() - 1, "a class's model gave no probability (NaN) for this structure");
                inDomain.set(inDomain.size() - 1, false);
                predictedClass.append("");
                p.forEach(column -> column.append(Double.NaN));
                setColumns.values().forEach(column -> column.append(""));
                continue;
            }
            Map<Double, List<String>> labels = new LinkedHashMap<>();
            for (double conf : confidences) {
                labels.put(conf, perClass.stream().map(list -> list.get(row).classes().set(conf).label()).toList());
            }
            MultiClassResults.Answer answer = MultiClassResults.Answer.of(classes, calibrated, labels);
            predictedClass.append(classes.get(answer.predicted()));
            for (int c = 0; c < classes.size(); c++) {
                p.get(c).append(answer.probability()[c]);
            }
            answer.sets().forEach((conf, set) -> setColumns.get(conf)
                    .append(String.join("|", set.stream().map(classes::get).toList())));
        }
        Table t = Table.create(file + " predictions", StringColumn.create("smiles", smiles), predictedClass);
        p.forEach(t::addColumns);
        setColumns.values().forEach(t::addColumns);
        t.addColumns(inDomain, error);
        return t;
    }

    @Override
    public String toString() {
        return file + ": " + classes.size() + " classes, one model each: " + models;
    }
}
