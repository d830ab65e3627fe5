package io.qspace.validate;

import io.qspace.model.NeighbourIndex;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Distance-based applicability domain: a compound is inside when its mean Euclidean distance to the 5 nearest
 * training compounds (in training-standardised descriptor space) is no more than the 95th percentile of the same
 * score for the training compounds themselves, each left out of its own neighbour search. Neighbours are searched
 * exactly up to {@link #DEFAULT_EXACT_UP_TO} training compounds (set by {@link Validation#domainExactUpTo}) and
 * among the query's nearest cells above ({@link NeighbourIndex.Search}), as {@link #describe} says.
 */
public final class ApplicabilityDomain implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int NEIGHBOURS = 5;
    public static final double PERCENTILE = 95;
    /** The largest training part searched exactly by default: as kNN's, and for the same reason. */
    public static final int DEFAULT_EXACT_UP_TO = io.qspace.model.KnnBuilder.DEFAULT_EXACT_UP_TO;

    private final double[] mean;
    private final double[] scale;
    private final double[][] rows;
    private final int k;
    private final double threshold;
    /** Null in domains stored before the search could approximate: exact. */
    private final NeighbourIndex.Search search;
    private transient NeighbourIndex index;
    /** The score of each row, in order: {@link #score} row by row. */
    public double[] scores(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = score(x[i]);
        }
        return out;
    }

    /** Each training compound's own score (null in domains stored before it was kept: recomputed on demand). */
    private final double[] trainingScores;

    private ApplicabilityDomain(double[] mean, double[] scale, double[][] rows, NeighbourIndex.Search search) {
        this.mean = mean;
        this.scale = scale;
        this.rows = rows;
        this.search = search;
        this.k = Math.min(NEIGHBOURS, Math.max(1, rows.length - 1));
        this.trainingScores = leaveOneOutScores();
        this.threshold = percentile(trainingScores, PERCENTILE);
    }

    /** A domain whose neighbours are searched exactly, at any size. */
    public static ApplicabilityDomain fit(double[][] xTrain) {
        return fit(xTrain, NeighbourIndex.Search.EXACT);
    }

    /** A domain whose neighbours are searched as the search says (exactly up to its limit, approximately above). */
    public static ApplicabilityDomain fit(double[][] xTrain, NeighbourIndex.Search search) {
        if (xTrain.length == 0) {
            throw new IllegalArgumentException("applicability domain needs training rows");
        }
        int n = xTrain.length;
        int p = xTrain[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : xTrain) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : xTrain) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = standardise(xTrain[i], mean, scale);
        }
        return new ApplicabilityDomain(mean, scale, rows, search);
    }

    /** Mean distance to the 5 nearest training compounds, in training-standardised space. */
    public double score(double[] x) {
        return meanDistance(standardise(x, mean, scale), -1);
    }

    /** Each training compound's score, the compound left out of its own neighbour search (training order). */
    public double[] trainingScores() {
        return trainingScores != null ? trainingScores.clone() : leaveOneOutScores();
    }

    private double[] leaveOneOutScores() {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = meanDistance(rows[i], rows.length > 1 ? i : -1);
        }
        return scores;
    }

    public double threshold() {
        return threshold;
    }

    public boolean inside(double[] x) {
        return inside(score(x));
    }

    /** Whether a compound with this score is inside the domain. */
    public boolean inside(double score) {
        return score <= threshold;
    }

    private double meanDistance(double[] z, int skip) {
        double[] distances = index().search(z, k, skip).distances();
        double sum = 0;
        for (double d : distances) {
            sum += d;
        }
        return sum / distances.length;
    }

    /** The neighbour index over the standardised training rows, built when first needed (not stored). */
    /** "exact", or the approximate search, e.g. "cells(113 of ~113 rows, 16 probed)". */
    public String describe() {
        return index().describe();
    }

    private NeighbourIndex index() {
        NeighbourIndex i = index;
        if (i == null) {
            i = NeighbourIndex.over(rows, NeighbourIndex.Search.orExact(search));
            index = i;
        }
        return i;
    }

    private static double[] standardise(double[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** Linear interpolation between order statistics, as numpy's default percentile. */
    static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = percent / 100 * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
