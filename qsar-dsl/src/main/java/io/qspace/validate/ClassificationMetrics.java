package io.qspace.validate;

import java.util.Arrays;

/**
 * Binary classification measures on observed classes (0 or 1) and predicted probabilities of class 1. The ranking
 * measures (ROC-AUC, PR-AUC) use the probabilities; MCC, balanced accuracy and F1 call a compound active at a
 * probability of at least 0.5; Brier is the mean squared difference between probability and class.
 */
public final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /** The probability at and above which a compound is predicted active. */
    public static final double CUT = 0.5;

    /**
     * Area under the ROC curve, the Mann-Whitney way: the chance that a random active outranks a random inactive,
     * ties counting half (so tied scores give the area of the straight line between them). NaN with one class only.
     */
    public static double rocAuc(double[] observed, double[] probability) {
        check(observed, probability);
        int n = observed.length;
        Integer[] order = byScore(probability);
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && probability[order[j + 1]] == probability[order[i]]) j++;
            double mid = (i + j) / 2.0 + 1; // mean of ranks i+1..j+1
            for (int t = i; t <= j; t++) ranks[order[t]] = mid;
            i = j + 1;
        }
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (observed[i] == 1) {
                positives++;
                rankSum += ranks[i];
            }
        }
        double negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /**
     * Area under the precision-recall curve as average precision (scikit-learn's average_precision_score): the
     * precision at each distinct score threshold, weighted by the recall it adds. Tied scores enter together.
     * NaN without actives.
     */
    public static double prAuc(double[] observed, double[] probability) {
        check(observed, probability);
        int n = observed.length;
        Integer[] order = byScore(probability);
        double positives = Arrays.stream(observed).filter(v -> v == 1).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double truePositives = 0;
        double ap = 0;
        double previousRecall = 0;
        for (int i = n - 1; i >= 0; ) {
            int j = i;
            while (j - 1 >= 0 && probability[order[j - 1]] == probability[order[i]]) j--;
            for (int t = j; t <= i; t++) {
                if (observed[order[t]] == 1) truePositives++;
            }
            double called = n - j;
            double recall = truePositives / positives;
            ap += (recall - previousRecall) * (truePositives / called);
            previousRecall = recall;
            i = j - 1;
        }
        return ap;
    }

    /** Matthews correlation coefficient at {@link #CUT}; 0 when a row or column of the confusion matrix is empty. */
    public static double mcc(double[] observed, double[] probability) {
        long[] c = confusion(observed, probability);
        double tp = c[0], fp = c[1], fn = c[2], tn = c[3];
        double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
    }

    /** Mean of sensitivity and specificity at {@link #CUT}. */
    public static double balancedAccuracy(double[] observed, double[] probability) {
        long[] c = confusion(observed, probability);
        double tp = c[0], fp = c[1], fn = c[2], tn = c[3];
        double sensitivity = tp + fn == 0 ? Double.NaN : tp / (tp + fn);
        double specificity = tn + fp == 0 ? Double.NaN : tn / (tn + fp);
        return (sensitivity + specificity) / 2;
    }

    /** F1 of the active class at {@link #CUT}; 0 when nothing is predicted or observed active. */
    public static double f1(double[] observed, double[] probability) {
        long[] c = confusion(observed, probability);
        double tp = c[0], fp = c[1], fn = c[2];
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }

    /** Mean squared difference between the predicted probability and the observed class. */
    public static double brier(double[] observed, double[] probability) {
        check(observed, probability);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += (probability[i] - observed[i]) * (probability[i] - observed[i]);
        }
        return sum / observed.length;
    }

    /**
     * The ROC curve: {false positive rates, true positive rates}, from (0, 0) through one point per distinct
     * probability (highest first, tied scores entering together) to (1, 1). Its trapezoid area is {@link #rocAuc}.
     */
    public static double[][] rocCurve(double[] observed, double[] probability) {
        return curve(observed, probability, true);
    }

    /**
     * The precision-recall curve: {recalls, precisions}, one point per distinct probability (highest first), after a
     * first point at recall 0 with the precision of the top-ranked group. Its step area is {@link #prAuc}.
     */
    public static double[][] precisionRecallCurve(double[] observed, double[] probability) {
        return curve(observed, probability, false);
    }

    private static double[][] curve(double[] observed, double[] probability, boolean roc) {
        check(observed, probability);
        int n = observed.length;
        Integer[] order = byScore(probability);
        double positives = Arrays.stream(observed).filter(v -> v == 1).count();
        double negatives = n - positives;
        java.util.List<double[]> points = new java.util.ArrayList<>();
        if (roc) {
            points.add(new double[] {0, 0});
        }
        double tp = 0;
        double fp = 0;
        for (int i = n - 1; i >= 0; ) {
            int j = i;
            while (j - 1 >= 0 && probability[order[j - 1]] == probability[order[i]]) j--;
            for (int t = j; t <= i; t++) {
                if (observed[order[t]] == 1) tp++; else fp++;
            }
            if (roc) {
                points.add(new double[] {negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives});
            } else {
                if (points.isEmpty()) {
                    points.add(new double[] {0, tp / (tp + fp)});
                }
                points.add(new double[] {positives == 0 ? 0 : tp / positives, tp / (tp + fp)});
            }
            i = j - 1;
        }
        double[][] out = new double[2][points.size()];
        for (int k = 0; k < points.size(); k++) {
            out[0][k] = points.get(k)[0];
            out[1][k] = points.get(k)[1];
        }
        return out;
    }

    /** {true positives, false positives, false negatives, true negatives} at {@link #CUT}. */
    public static long[] confusion(double[] observed, double[] probability) {
        check(observed, probability);
        long[] c = new long[4];
        for (int i = 0; i < observed.length; i++) {
            boolean active = observed[i] == 1;
            boolean called = probability[i] >= CUT;
            c[active ? (called ? 0 : 2) : (called ? 1 : 3)]++;
        }
        return c;
    }

    private static Integer[] byScore(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }

    private static void check(double[] observed, double[] probability) {
        if (observed.length != probability.length) {
            throw new IllegalArgumentException(observed.length + " observed but " + probability.length + " predicted");
        }
        if (observed.length == 0) {
            throw new IllegalArgumentException("no values to compare");
        }
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] != 0 && observed[i] != 1) {
                throw new IllegalArgumentException("observed class " + observed[i] + " at row " + (i + 1)
                        + " is not 0 or 1: binary classification metrics need class codes");
            }
            if (Double.isNaN(probability[i])) {
                throw new IllegalArgumentException("predicted probability at row " + (i + 1) + " is NaN");
            }
        }
    }
}
