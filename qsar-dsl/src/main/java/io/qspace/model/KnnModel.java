package io.qspace.model;

/**
 * Keeps the training rows and their scaling; predicts the distance-weighted mean activity of the k nearest in
 * standardised space. Neighbours come from a {@link NeighbourIndex} built when first needed (not stored).
 */
final class KnnModel implements Model, Approximation {
    private static final long serialVersionUID = 2L;
    private static final String SPACE = "standardised";

    private final Standardiser scaler;
    private final double[][] rows;
    private final double[] activity;
    private final int k;
    /** Null in models stored before the search could approximate: exact. */
    private final NeighbourIndex.Search search;
    private transient NeighbourIndex index;

    /** rows are the raw training rows (not copied further: the model never changes them). */
    KnnModel(Standardiser scaler, double[][] rows, double[] activity, int k, NeighbourIndex.Search search) {
        this.scaler = scaler;
        this.rows = rows;
        this.activity = activity;
        this.k = k;
        this.search = search;
    }

    /** "" when searched exactly, else the cells, e.g. "cells(113 of ~113 rows, 16 probed)". */
    @Override
    public String approximation() {
        return search().approximates(rows.length) ? index().describe() : "";
    }

    private NeighbourIndex.Search search() {
        return NeighbourIndex.Search.orExact(search);
    }

    private NeighbourIndex index() {
        NeighbourIndex i = index;
        if (i == null) {
            i = NeighbourIndex.over(rows, scaler::apply, SPACE, search());
            index = i;
        }
        return i;
    }

    @Override
    public double predict(double[] x) {
        NeighbourIndex.Found found = index().nearest(x, k);
        int[] nearest = found.rows();
        double[] distance = found.distances();
        // An exact match outweighs everything, as in scikit-learn: average the exact matches only.
        double exactSum = 0;
        int exact = 0;
        for (int j = 0; j < nearest.length; j++) {
            if (distance[j] == 0) {
                exactSum += activity[nearest[j]];
                exact++;
            }
        }
        if (exact > 0) {
            return exactSum / exact;
        }
        double weighted = 0;
        double weights = 0;
        for (int j = 0; j < nearest.length; j++) {
            double w = 1.0 / distance[j];
            weighted += w * activity[nearest[j]];
            weights += w;
        }
        return weighted / weights;
    }
}
