package io.qspace.select;

import java.util.Arrays;
import smile.stat.distribution.FDistribution;

/**
 * "stepwise": forward stepwise least squares (with intercept). Each step adds the descriptor that lowers the
 * residual sum of squares most, as long as its partial F-test gives p &lt; 0.05, up to {@code maxFeatures}.
 *
 * <p>Instead of refitting a regression per candidate and step, every candidate column is kept orthogonalised
 * against the descriptors already chosen (Gram-Schmidt, updated once per step). The RSS drop of adding a candidate
 * is then (q·r)²/(q·q) for its orthogonalised column q and the current residual r: one dot product each, so a
 * step costs O(rows × candidates).
 *
 * <p>The p &lt; 0.05 gate is per step and the best of many candidates is tested, so with m pure-noise candidates
 * about 1 − 0.95^m of steps would still admit one; that is the textbook procedure the baseline mirrors.
 */
record ForwardStepwise(int maxFeatures) implements Selector {
    private static final long serialVersionUID = 1L;

    static final int DEFAULT_MAX_FEATURES = 20;
    static final double P_TO_ENTER = 0.05;
    /** A candidate whose remaining length is below this share of its own is a combination of chosen ones. */
    private static final double COLLINEAR = 1e-10;

    ForwardStepwise {
        if (maxFeatures < 1) throw new IllegalArgumentException("stepwise needs maxFeatures >= 1: " + maxFeatures);
    }

    @Override
    public String name() {
        return maxFeatures == DEFAULT_MAX_FEATURES ? "stepwise" : "stepwise-max" + maxFeatures;
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        int[] descriptors = Candidates.descriptorPositions(candidates, context);
        int[] chosen = choose(Candidates.columns(x, descriptors), y);
        int[] positions = Arrays.stream(chosen).map(c -> descriptors[c]).toArray();
        return Candidates.featureSet(name(), positions, candidates, context);
    }

    /** Indices into {@code columns} (column-major) in the order they entered the model. */
    int[] choose(double[][] columns, double[] y) {
        int n = y.length;
        int p = columns.length;
        double[] residual = centred(y);
        double totalSquares = Pearson.dot(residual, residual);
        double rss = totalSquares;
        double[][] q = new double[p][];
        double[] ownSquares = new double[p];
        for (int c = 0; c < p; c++) {
            q[c] = centred(columns[c]);
            ownSquares[c] = Pearson.dot(q[c], q[c]);
        }
        boolean[] taken = new boolean[p];
        int[] order = new int[Math.min(maxFeatures, p)];
        int count = 0;
        while (count < order.length && rss > 1e-12 * totalSquares) {
            int best = -1;
            double bestDrop = 0;
            for (int c = 0; c < p; c++) {
                if (taken[c]) continue;
                double qq = Pearson.dot(q[c], q[c]);
                if (qq <= COLLINEAR * ownSquares[c] || qq == 0) continue;
                double qr = Pearson.dot(q[c], residual);
                double drop = qr * qr / qq;
                if (drop > bestDrop) {
                    bestDrop = drop;
                    best = c;
                }
            }
            int residualDf = n - (count + 1) - 1;
            if (best < 0 || residualDf < 1 || pValue(bestDrop, rss - bestDrop, residualDf) >= P_TO_ENTER) break;

            taken[best] = true;
            order[count++] = best;
            double[] u = q[best].clone();
            scale(u, 1 / Math.sqrt(Pearson.dot(u, u)));
            subtractProjection(residual, u);
            for (int c = 0; c < p; c++) if (!taken[c]) subtractProjection(q[c], u);
            rss = Pearson.dot(residual, residual);
        }
        return Arrays.copyOf(order, count);
    }

    /** Partial F-test for one added term: F = drop / (RSS after / residual df), on (1, residual df) degrees. */
    private static double pValue(double drop, double rssAfter, int residualDf) {
        if (rssAfter <= 0) return 0;
        double f = drop / (rssAfter / residualDf);
        return 1 - new FDistribution(1, residualDf).cdf(f);
    }

    private static double[] centred(double[] values) {
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] - mean;
        return out;
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) v[i] *= factor;
    }

    /** v -= (u·v) u for unit u: removes from v what the newly chosen descriptor already explains. */
    private static void subtractProjection(double[] v, double[] u) {
        double along = Pearson.dot(u, v);
        for (int i = 0; i < v.length; i++) v[i] -= along * u[i];
    }
}
