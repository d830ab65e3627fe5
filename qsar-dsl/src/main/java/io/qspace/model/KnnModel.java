package io.qspace.model;

/** Keeps the standardised training rows; predicts the distance-weighted mean activity of the k nearest. */
final class KnnModel implements Model {
    private static final long serialVersionUID = 1L;

    private final Standardiser scaler;
    private final double[][] rows;
    private final double[] activity;
    private final int k;

    KnnModel(Standardiser scaler, double[][] rows, double[] activity, int k) {
        this.scaler = scaler;
        this.rows = rows;
        this.activity = activity;
        this.k = k;
    }

    @Override
    public double predict(double[] x) {
        double[] distance = new double[k];
        int[] nearest = Neighbours.nearest(rows, scaler.apply(x), k, -1, distance);
        // An exact match outweighs everything, as in scikit-learn: average the exact matches only.
        double exactSum = 0;
        int exact = 0;
        for (int j = 0; j < k; j++) {
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
        for (int j = 0; j < k; j++) {
            double w = 1.0 / distance[j];
            weighted += w * activity[nearest[j]];
            weights += w;
        }
        return weighted / weights;
    }
}
