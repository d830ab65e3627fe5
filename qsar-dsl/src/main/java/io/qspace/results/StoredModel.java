package io.qspace.results;

import io.qspace.chem.DescriptorMatrix;
import io.qspace.code.CodeLoaders;
import io.qspace.code.RunCode;
import io.qspace.chem.DescriptorSet;
import io.qspace.model.Model;
import io.qspace.model.Params;
import io.qspace.select.FeatureSet;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.ClassCalibration;
import io.qspace.validate.Conformal;
import io.qspace.validate.Interval;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fitted model with everything needed to predict new structures the way it was trained: the descriptor set, the
 * chosen columns and their training medians, the applicability domain, and its provenance (the result record, the
 * study seed, the qspace version that made it and the chosen parameters as typed values).
 */
public record StoredModel(ResultRecord provenance, DescriptorSet descriptors, FeatureSet featureSet,
                          double[] medians, Model model, ApplicabilityDomain domain, long seed,
                          String qspaceVersion, Params parameters,
                          // a consensus's members (its own model, feature set and domain are theirs); null for one model
                          List<StoredModel> members, Conformal conformal,
                          // a classifier's calibrated probabilities and prediction sets; null for a regression
                          ClassCalibration classCalibration) implements Serializable {

    /** A model or consensus without class calibration: a regression's. */
    public StoredModel(ResultRecord provenance, DescriptorSet descriptors, FeatureSet featureSet, double[] medians,
                       Model model, ApplicabilityDomain domain, long seed, String qspaceVersion, Params parameters,
                       List<StoredModel> members, Conformal conformal) {
        this(provenance, descriptors, featureSet, medians, model, domain, seed, qspaceVersion, parameters, members,
                conformal, null);
    }

    /** One model without its calibration (models stored before intervals; tests). */
    public StoredModel(ResultRecord provenance, DescriptorSet descriptors, FeatureSet featureSet, double[] medians,
                       Model model, ApplicabilityDomain domain, long seed, String qspaceVersion, Params parameters) {
        this(provenance, descriptors, featureSet, medians, model, domain, seed, qspaceVersion, parameters, null, null);
    }

    /** One model with its conformal calibration, as a test step stores it. */
    public StoredModel(ResultRecord provenance, DescriptorSet descriptors, FeatureSet featureSet, double[] medians,
                       Model model, ApplicabilityDomain domain, long seed, String qspaceVersion, Params parameters,
                       Conformal conformal) {
        this(provenance, descriptors, featureSet, medians, model, domain, seed, qspaceVersion, parameters, null,
                conformal);
    }

    /**
     * A consensus of regressions: predicts the mean of its members' predictions (each from its own feature set), in
     * the domain when every member is, with their mean domain score; its intervals come from its own out-of-fold
     * residuals (one width for every compound: it has no domain of its own to scale them by).
     */
    public static StoredModel consensus(ResultRecord provenance, List<StoredModel> members) {
        return consensus(provenance, members, null);
    }

    /**
     * A consensus of classifiers when {@code classes} is given: predicts the mean of its members' raw probabilities
     * of class 1, calibrated and given prediction sets by {@code classes}, fitted on the consensus's own out-of-fold
     * probabilities as a single classifier's is on its own.
     */
    public static StoredModel consensus(ResultRecord provenance, List<StoredModel> members, ClassCalibration classes) {
        StoredModel first = members.get(0);
        return new StoredModel(provenance, first.descriptors, null, null, null, null, provenance.seed(),
                provenance.qspaceVersion(), null, List.copyOf(members), null, classes);
    }

    /** Whether this is a consensus of several stored models ({@link #members()}). */
    public boolean isConsensus() {
        return members != null;
    }

    /** A consensus's members, best CV first; empty for one model. */
    @Override
    public List<StoredModel> members() {
        return members == null ? List.of() : members;
    }

    /**
     * The parameters of the grid point cross-validation chose, typed: {@code parameters().getDouble("lambda")}.
     * Models stored before parameters were kept typed read them back from the results' text (decimals to 4 digits).
     */
    @Override
    public Params parameters() {
        return parameters != null ? parameters : Params.parse(provenance.builder(), provenance.parameters());
    }

    /**
     * Reads a stored model. A model fitted by code written in a notebook, script or program resolves that code
     * through the caller (the session that ran the study) or else from the code bundle its invocation ran with,
     * which the store keeps: so it predicts in a new session and from {@code qspace predict} too.
     */
    public static StoredModel load(ObjectStore store, String key) {
        return read(store, key).calibrated(store);
    }

    /**
     * This model with its conformal calibration: models stored before the calibration was kept with them (but
     * after their builds kept out-of-fold predictions) get it from the store; older ones stay without intervals.
     */
    private StoredModel calibrated(ObjectStore store) {
        String build = provenance.build();
        if (conformal != null || classifies() || build == null || build.isEmpty()) {
            return this;
        }
        Conformal calibration = calibration(store, build, domain);
        return calibration == null ? this : withCalibration(calibration);
    }

    /** The conformal calibration from a build's stored out-of-fold predictions; null when it kept none. */
    public static Conformal calibration(ObjectStore store, String buildId, ApplicabilityDomain domain) {
        String key = io.qspace.store.StoreKeys.outOfFold(buildId);
        return store.getOrEmpty(key).map(csv -> OutOfFoldCalibration.of(csv, domain, store.uri() + "/" + key))
                .orElse(null);
    }

    StoredModel withCalibration(Conformal calibration) {
        return new StoredModel(provenance, descriptors, featureSet, medians, model, domain, seed, qspaceVersion,
                parameters, members, calibration, classCalibration);
    }

    /** A classifier's calibration from its build's stored out-of-fold probabilities; null when it kept none. */
    public static ClassCalibration classCalibration(ObjectStore store, String buildId, List<String> classes) {
        String key = io.qspace.store.StoreKeys.outOfFold(buildId);
        return store.getOrEmpty(key).map(csv -> OutOfFoldCalibration.ofClasses(csv, classes, store.uri() + "/" + key))
                .orElse(null);
    }

    /** Whether this model is a classifier: it predicts the probability of its active class. */
    public boolean classifies() {
        return classCalibration != null || provenance.classifies();
    }

    /**
     * Whether predictions carry conformal intervals (a regression) or prediction sets (a classifier): false for
     * models stored before out-of-fold predictions were kept.
     */
    public boolean hasIntervals() {
        return conformal != null || classCalibration != null;
    }

    /** Why predictions of this model have no intervals, for a user ("" when they have them). */
    public String noIntervalsReason() {
        return hasIntervals() ? "" : "model " + provenance.model() + " was stored by a qspace version that kept no"
                + " out-of-fold predictions, so its predictions have no conformal "
                + (classifies() ? "prediction sets" : "intervals") + ": run its study again"
                + " (only its build and test invocations re-run) to get them";
    }

    private static StoredModel read(ObjectStore store, String key) {
        byte[] bytes = store.require(key);
        try {
            return Serialization.fromBytes(bytes, StoredModel.class, CodeLoaders.ofCaller());
        } catch (IllegalStateException e) {
            String missing = missingClass(e);
            if (missing == null) {
                throw new IllegalStateException("model " + key + " in " + store.uri() + " cannot be read: "
                        + e.getMessage() + ". If it is corrupt, delete it and run its study again", e);
            }
            String bundle = bundleOf(store, key);
            if (bundle.isEmpty()) {
                throw new IllegalStateException("model " + key + " in " + store.uri() + " was fitted by code "
                        + "defined in a notebook, script or program (class " + missing + "), and the store keeps no "
                        + "code for it: load it in the session that ran its study, or put that code in a jar on "
                        + "the class path", e);
            }
            return Serialization.fromBytes(bytes, StoredModel.class,
                    RunCode.load(store, bundle, StoredModel.class.getClassLoader()));
        }
    }

    private static String missingClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException missing) {
                return missing.getMessage();
            }
        }
        return null;
    }

    /** The code bundle the model's invocation ran with, from its done marker ("" for none). */
    private static String bundleOf(ObjectStore store, String key) {
        String id = key.replaceFirst("^.*/", "").replaceFirst("\\.model$", "");
        return store.getOrEmpty(io.qspace.store.StoreKeys.done(id))
                .map(b -> RunCode.bundleInDoneMarker(new String(b, java.nio.charset.StandardCharsets.UTF_8)))
                .orElse("");
    }

    public Prediction predict(String smiles) {
        return predict(List.of(smiles)).get(0);
    }

    public List<Prediction> predict(String... smiles) {
        return predict(List.of(smiles));
    }

    public List<Prediction> predict(List<String> smiles) {
        return predict(smiles, Conformal.DEFAULT_CONFIDENCES);
    }

    /** Predictions with intervals at the given confidences, e.g. {@code predict(smiles, 0.8, 0.95)}. */
    public List<Prediction> predict(List<String> smiles, double... confidences) {
        return predict(smiles, java.util.Arrays.stream(confidences).boxed().toList());
    }

    public List<Prediction> predict(List<String> smiles, List<Double> confidences) {
        if (members != null) {
            return predictByMembers(smiles, confidences);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qspace-predict");
            t.setDaemon(true);
            return t;
        });
        DescriptorMatrix matrix;
        try {
            matrix = descriptors.calculate(smiles, pool);
        } finally {
            pool.shutdownNow();
        }
        return predict(smiles, matrix, confidences);
    }

    /**
     * Predictions from descriptors already computed by this model's descriptor set (one row per structure, in
     * order): several models on one descriptor set share one calculation.
     */
    public List<Prediction> predict(List<String> smiles, DescriptorMatrix matrix, List<Double> confidences) {
        if (members != null) {
            return predictByMembers(smiles, confidences); // members may compute different descriptors
        }
        for (double c : confidences) {
            if (!(c > 0 && c < 1)) {
                throw new IllegalArgumentException("confidence " + c + ": expected a value between 0 and 1, e.g. 0.9");
            }
        }
        int[] columns = columnsIn(matrix);
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < smiles.size(); i++) {
            String error = rowError(matrix, i);
            if (error != null) {
                out.add(new Prediction(smiles.get(i), Double.NaN, Double.NaN, false, error));
                continue;
            }
            double[] x = new double[columns.length];
            for (int j = 0; j < columns.length; j++) {
                double v = matrix.values()[i][columns[j]];
                x[j] = Double.isNaN(v) ? medians[j] : v;
            }
            double score = domain.score(x);
            double value = model.predict(x);
            if (classifies()) {
                out.add(new Prediction(smiles.get(i), value, score, domain.inside(score), "", List.of(),
                        ClassPrediction.of(classCalibration, value, confidences)));
                continue;
            }
            List<Interval> intervals = new ArrayList<>(confidences.size());
            for (double c : confidences) {
                intervals.add(conformal == null ? Conformal.unknown(c) : conformal.interval(value, score, c));
            }
            out.add(new Prediction(smiles.get(i), value, score, domain.inside(score), "", intervals));
        }
        return out;
    }

    /**
     * A consensus's predictions: its members' mean (a classifier's: of their raw probabilities of class 1), each
     * member from its own descriptors and feature set.
     */
    private List<Prediction> predictByMembers(List<String> smiles, List<Double> confidences) {
        List<List<Prediction>> byMember = members.stream().map(m -> m.predict(smiles, confidences)).toList();
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < smiles.size(); i++) {
            double sum = 0;
            double score = 0;
            boolean inside = true;
            String error = "";
            for (List<Prediction> member : byMember) {
                Prediction p = member.get(i);
                sum += p.value();
                score += p.domainScore();
                inside &= p.inDomain();
                error = error.isEmpty() ? p.error() : error;
            }
            int n = byMember.size();
            if (!error.isEmpty()) {
                out.add(new Prediction(smiles.get(i), Double.NaN, Double.NaN, false, error));
                continue;
            }
            double value = sum / n;
            if (classifies()) { // the members' values are raw probabilities of class 1: so is their mean
                out.add(new Prediction(smiles.get(i), value, score / n, inside, "", List.of(),
                        ClassPrediction.of(classCalibration, value, confidences)));
                continue;
            }
            List<Interval> intervals = new ArrayList<>(confidences.size());
            for (double c : confidences) {
                intervals.add(conformal == null ? Conformal.unknown(c)
                        : conformal.interval(value, 0, c, Conformal.Mode.ABSOLUTE));
            }
            out.add(new Prediction(smiles.get(i), value, score / n, inside, "", intervals));
        }
        return out;
    }

    /** Columns are found by name, so a model survives a descriptor set that gained columns. */
    private int[] columnsIn(DescriptorMatrix matrix) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int j = 0; j < matrix.names().size(); j++) {
            index.put(matrix.names().get(j), j);
        }
        int[] columns = new int[featureSet.size()];
        for (int j = 0; j < columns.length; j++) {
            Integer c = index.get(featureSet.names().get(j));
            if (c == null) {
                throw new IllegalStateException("descriptor '" + featureSet.names().get(j)
                        + "' of this model is not computed by " + descriptors.describe()
                        + ": the model was made by another qspace version (" + qspaceVersion + ")");
            }
            columns[j] = c;
        }
        return columns;
    }

    /** A structure that did not parse has every value missing; say so instead of predicting from medians. */
    private static String rowError(DescriptorMatrix matrix, int row) {
        for (DescriptorMatrix.Failure f : matrix.failures()) {
            if (f.row() == row && (f.descriptor() == null || f.descriptor().isEmpty()
                    || f.descriptor().equalsIgnoreCase("smiles") || f.descriptor().equalsIgnoreCase("parse"))) {
                return f.reason();
            }
        }
        return null;
    }

    /** The version of qspace that is running, from the build (e.g. "0.1.0-SNAPSHOT"). */
    public static String currentVersion() {
        return io.qspace.code.QspaceVersion.current();
    }

    @Override
    public String toString() {
        return provenance.dataset() + " / " + provenance.featureSet() + " / " + provenance.builder() + "("
                + provenance.parameters() + "): " + (provenance.classifies()
                ? "CV ROC-AUC " + String.format("%.3f", provenance.cvClasses().rocAuc()) + ", test ROC-AUC "
                        + String.format("%.3f", provenance.testClasses().rocAuc())
                : "CV RMSE " + String.format("%.3f", provenance.cvRmse()) + ", test RMSE "
                        + String.format("%.3f", provenance.testRmse()));
    }
}
