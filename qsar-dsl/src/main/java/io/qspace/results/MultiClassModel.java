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
        List<Answer> answers = answers(smiles, confidences);
        StringColumn predictedClass = StringColumn.create("predicted");
        List<DoubleColumn> p = classes.stream().map(c -> DoubleColumn.create("p_" + c)).toList();
        Map<Double, StringColumn> setColumns = new LinkedHashMap<>();
        confidences.forEach(conf -> setColumns.put(conf, StringColumn.create("set_" + Interval.percent(conf))));
        BooleanColumn inDomain = BooleanColumn.create("in_domain");
        StringColumn error = StringColumn.create("error");
        for (Answer answer : answers) {
            predictedClass.append(answer.predicted());
            for (int c = 0; c < classes.size(); c++) {
                p.get(c).append(answer.probabilities()[c]);
            }
            answer.sets().forEach((conf, set) -> setColumns.get(conf).append(set));
            inDomain.append(answer.inDomain());
            error.append(answer.error());
        }
        Table t = Table.create(file + " predictions", StringColumn.create("smiles", smiles), predictedClass);
        p.forEach(t::addColumns);
        setColumns.values().forEach(t::addColumns);
        t.addColumns(inDomain, error);
        return t;
    }

    /**
     * One structure's answer: its class ("" when it has none), each class's probability (scaled to sum to 1; NaN
     * when none), its prediction set per confidence ("mid|strong", "" for none), whether every class model holds
     * it in its domain, and why there is no answer ("" when there is one).
     */
    public record Answer(String predicted, double[] probabilities, Map<Double, String> sets, boolean inDomain,
                         String error) {}

    /** Each structure's answer, in order: every class model predicts all of them, then they are put together. */
    public List<Answer> answers(List<String> smiles, List<Double> confidences) {
        List<List<Prediction>> perClass = models.stream().map(m -> m.predict(smiles, confidences)).toList();
        return java.util.stream.IntStream.range(0, smiles.size())
                .mapToObj(i -> answer(perClass.stream().map(list -> list.get(i)).toList(), confidences)).toList();
    }

    /** The answer for one structure from each class model's prediction of it, in class order. */
    public Answer answer(List<Prediction> perClass, List<Double> confidences) {
        String failure = perClass.stream().filter(x -> !x.ok()).map(Prediction::error).findFirst().orElse("");
        double[] calibrated = failure.isEmpty()
                ? perClass.stream().mapToDouble(x -> x.classes().probability()).toArray() : new double[0];
        if (failure.isEmpty() && java.util.Arrays.stream(calibrated).anyMatch(Double::isNaN)) {
            failure = "a class's model gave no probability (NaN) for this structure";
        }
        if (!failure.isEmpty()) {
            double[] none = new double[classes.size()];
            java.util.Arrays.fill(none, Double.NaN);
            Map<Double, String> empty = new LinkedHashMap<>();
            confidences.forEach(conf -> empty.put(conf, ""));
            return new Answer("", none, empty, false, failure);
        }
        Map<Double, List<String>> labels = new LinkedHashMap<>();
        for (double conf : confidences) {
            labels.put(conf, perClass.stream().map(x -> x.classes().set(conf).label()).toList());
        }
        MultiClassResults.Answer a = MultiClassResults.Answer.of(classes, calibrated, labels);
        Map<Double, String> sets = new LinkedHashMap<>();
        a.sets().forEach((conf, set) -> sets.put(conf, String.join("|", set.stream().map(classes::get).toList())));
        return new Answer(classes.get(a.predicted()), a.probability(), sets,
                perClass.stream().allMatch(Prediction::inDomain), "");
    }

    @Override
    public String toString() {
        return file + ": " + classes.size() + " classes, one model each: " + models;
    }
}
