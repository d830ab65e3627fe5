package io.qspace.validate;

import io.qspace.model.loss.PlattScaling;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a binary classifier's out-of-fold probabilities say about its new predictions: a calibrated probability
 * (Platt's sigmoid, the default, or isotonic), and Mondrian (class-conditional) conformal prediction sets.
 *
 * <p>Mondrian sets: the nonconformity of a compound with a class is 1 - P(that class); each class keeps the
 * nonconformities of its own out-of-fold compounds, so the p-value of "class k" for a new compound is (1 + the
 * number of class-k calibration compounds at least as strange) / (1 + their count), and the set at confidence c holds
 * every class whose p-value exceeds 1 - c. Each class is then covered at the confidence on its own, the rare one
 * included; a set of both classes says the model cannot tell, an empty set that the compound is unlike either.
 * The out-of-fold probabilities come from the fold models and new ones from the model refitted on every training
 * compound, as for the regression intervals ({@link Conformal}).
 */
public final class ClassCalibration implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a raw probability becomes a calibrated one. */
    public enum Method { PLATT, ISOTONIC }

    private final List<String> classes;
    private final PlattScaling platt;
    private final Isotonic isotonic;
    private final double[][] nonconformity; // per class, sorted

    private ClassCalibration(List<String> classes, PlattScaling platt, Isotonic isotonic, double[][] nonconformity) {
        this.classes = List.copyOf(classes);
        this.platt = platt;
        this.isotonic = isotonic;
        this.nonconformity = nonconformity;
    }

    /**
     * @param classes  the class names, inactive (0) first
     * @param observed each out-of-fold row's class, 0 or 1
     * @param probability its out-of-fold probability of class 1
     */
    public static ClassCalibration fit(List<String> classes, double[] observed, double[] probability) {
        if (classes.size() != 2) {
            throw new IllegalArgumentException("class calibration is binary: got classes " + classes);
        }
        int[] counts = new int[2];
        for (double c : observed) {
            if (c != 0 && c != 1) {
                throw new IllegalArgumentException("observed class " + c + " is not 0 or 1");
            }
            counts[(int) c]++;
        }
        double[][] scores = {new double[counts[0]], new double[counts[1]]};
        int[] filled = new int[2];
        for (int i = 0; i < observed.length; i++) {
            int k = (int) observed[i];
            scores[k][filled[k]++] = nonconformity(probability[i], k);
        }
        Arrays.sort(scores[0]);
        Arrays.sort(scores[1]);
        return new ClassCalibration(classes, PlattScaling.fit(probability, observed),
                Isotonic.fit(probability, observed), scores);
    }

    private static double nonconformity(double probabilityOfOne, int k) {
        return k == 1 ? 1 - probabilityOfOne : probabilityOfOne;
    }

    public List<String> classes() {
        return classes;
    }

    /** The calibrated probability of class 1 (Platt's sigmoid of the raw one). */
    public double probability(double raw) {
        return probability(raw, Method.PLATT);
    }

    public double probability(double raw, Method method) {
        return method == Method.PLATT ? platt.probability(raw) : isotonic.probability(raw);
    }

    /** The Mondrian p-value of class k for a compound whose raw probability of class 1 is raw. */
    public double pValue(double raw, int k) {
        double alpha = nonconformity(raw, k);
        double[] sorted = nonconformity[k];
        // how many calibration scores are >= alpha: those from the first index not below alpha
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < alpha) lo = mid + 1; else hi = mid;
        }
        return (sorted.length - lo + 1.0) / (sorted.length + 1.0);
    }

    /** The classes whose p-value exceeds 1 - confidence, in class order. */
    public List<String> set(double raw, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + ": expected a value between 0 and 1,"
                    + " e.g. 0.9 for a 90% prediction set");
        }
        List<String> out = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            if (pValue(raw, k) > 1 - confidence) {
                out.add(classes.get(k));
            }
        }
        return out;
    }

    /** Calibration compounds per class. */
    public int[] sizes() {
        return new int[] {nonconformity[0].length, nonconformity[1].length};
    }
}
