package io.qspace.model.nn;

import io.qspace.model.loss.Logistic;

import java.util.SplittableRandom;

/**
 * Trains {@link Mlp} as scikit-learn's MLPRegressor (solver "adam", defaults) on standardised X and y: Glorot-uniform
 * initialisation, mini-batches of min(200, n) over a per-epoch shuffle, squared loss / 2 with L2 alpha on the weights,
 * Adam, and the same stop: at most maxEpochs, or when the training loss failed to improve by tol for more than 10
 * epochs in a row.
 *
 * <p>Speed: inputs are kept as u = x / s (sparse when x is) plus a per-column shift -m / s whose contribution is
 * computed once per batch, so forward and backward passes touch only the nonzeros of each row; the dense work per
 * batch is the Adam update of the weights.
 */
public final class MlpTrainer {
    static final double LEARNING_RATE = 1e-3;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    static final double ALPHA = 1e-4;
    static final int BATCH = 200;
    static final double TOL = 1e-4;
    static final int NO_CHANGE = 10;

    private MlpTrainer() {}

    public static Mlp fit(double[][] x, double[] y, int units, int maxEpochs, long seed) {
        return fit(x, y, null, units, maxEpochs, seed, false);
    }

    /**
     * A binary classifier for classes 0 and 1, as scikit-learn's MLPClassifier: a sigmoid output unit and the log
     * loss (weighted by class weights when given), the rest as above; the network predicts the probability of class 1.
     */
    public static Mlp fitLogistic(double[][] x, double[] y, double[] weights, int units, int maxEpochs, long seed) {
        return fit(x, y, weights, units, maxEpochs, seed, true);
    }

    private static Mlp fit(double[][] x, double[] y, double[] weights, int units, int maxEpochs, long seed,
                           boolean logistic) {
        int n = x.length;
        int p = x[0].length;
        int hidden = units;
        // Column scaling, population sd as StandardScaler; a constant column keeps scale 1 (it becomes all zeros).
        double[] mean = new double[p];
        double[] inverseScale = new double[p];
        for (double[] row : x) for (int j = 0; j < p; j++) mean[j] += row[j];
        for (int j = 0; j < p; j++) mean[j] /= n;
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                inverseScale[j] += d * d;
            }
        }
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(inverseScale[j] / n);
            inverseScale[j] = sd > 1e-12 ? 1 / sd : 1;
            shift[j] = -mean[j] * inverseScale[j];
        }
        double yMean = 0;
        for (double v : y) yMean += v;
        yMean /= n;
        double yVar = 0;
        for (double v : y) yVar += (v - yMean) * (v - yMean);
        if (Math.sqrt(yVar / n) <= 1e-12 * (Math.abs(yMean) + 1)) {
            // Nothing to learn; training would only leave random input-dependent wiggles around the constant.
            if (logistic) {
                double certain = Math.min(1 - 1e-9, Math.max(1e-9, yMean));
                return new Mlp(hidden, new double[p], new double[p * hidden], new double[hidden], new double[hidden],
                        Math.log(certain / (1 - certain)), 0, 1, true);
            }
            return new Mlp(hidden, new double[p], new double[p * hidden], new double[hidden], new double[hidden], 0,
                    yMean, 1);
        }
        // A classifier's target is the class itself (0 or 1), fitted through the sigmoid.
        double yScale = logistic ? 1 : Math.sqrt(yVar / n);
        double yShift = logistic ? 0 : yMean;
        double[] target = new double[n];
        for (int i = 0; i < n; i++) target[i] = (y[i] - yShift) / yScale;

        // Rows as sparse u = x / s.
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int nz = 0;
            for (int j = 0; j < p; j++) if (x[i][j] != 0) nz++;
            rowStart[i + 1] = rowStart[i] + nz;
        }
        int[] column = new int[rowStart[n]];
        double[] u = new double[rowStart[n]];
        for (int i = 0, e = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (x[i][j] != 0) {
                    column[e] = j;
                    u[e++] = x[i][j] * inverseScale[j];
                }
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        // Glorot uniform, factor 6 for ReLU as scikit-learn; biases drawn from the same range.
        double bound1 = Math.sqrt(6.0 / (p + hidden));
        double[] w1 = new double[p * hidden];
        for (int k = 0; k < w1.length; k++) w1[k] = random.nextDouble(-bound1, bound1);
        double[] b1 = new double[hidden];
        for (int h = 0; h < hidden; h++) b1[h] = random.nextDouble(-bound1, bound1);
        double bound2 = Math.sqrt(6.0 / (hidden + 1));
        double[] w2 = new double[hidden];
        for (int h = 0; h < hidden; h++) w2[h] = random.nextDouble(-bound2, bound2);
        double b2 = random.nextDouble(-bound2, bound2);
        if (logistic) {
            // Start the classifier's output at the log-odds of the (weighted) class fraction, the best constant, so
            // a short training does not leave the probabilities off the base rate (scikit-learn starts at random).
            b2 = Logistic.baseLogOdds(y, weights);
        }

        Adam adamW1 = new Adam(w1.length);
        Adam adamB1 = new Adam(hidden);
        Adam adamW2 = new Adam(hidden);
        Adam adamB2 = new Adam(1);

        int batch = Math.min(BATCH, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] activation = new double[batch * hidden];
        double[] delta = new double[batch * hidden];
        double[] output = new double[batch];
        double[] offset = new double[hidden];
        double[] gradW1 = new double[w1.length];
        double[] gradB1 = new double[hidden];
        double[] gradW2 = new double[hidden];
        double[] gradB2 = new double[1];
        double[] b2Holder = {b2};
        double bestLoss = Double.POSITIVE_INFINITY;
        int noImprovement = 0;

        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double epochLoss = 0;
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                // Forward: a = b1 - sum_j (m_j/s_j) W[j] + sum_{x_j != 0} u_j W[j].
                System.arraycopy(b1, 0, offset, 0, hidden);
                double squaredWeights = 0;
                for (int j = 0; j < p; j++) {
                    double c = shift[j];
                    int base = j * hidden;
                    for (int h = 0; h < hidden; h++) {
                        double w = w1[base + h];
                        offset[h] += c * w;
                        squaredWeights += w * w;
                    }
                }
                for (int h = 0; h < hidden; h++) squaredWeights += w2[h] * w2[h];
                double batchLoss = 0;
                for (int s = 0; s < size; s++) {
                    int row = order[from + s];
                    int a0 = s * hidden;
                    System.arraycopy(offset, 0, activation, a0, hidden);
                    for (int e = rowStart[row], stop = rowStart[row + 1]; e < stop; e++) {
                        double v = u[e];
                        int base = column[e] * hidden;
                        for (int h = 0; h < hidden; h++) activation[a0 + h] += v * w1[base + h];
                    }
                    double out = b2Holder[0];
                    for (int h = 0; h < hidden; h++) {
                        double a = activation[a0 + h];
                        if (a < 0) activation[a0 + h] = a = 0;
                        out += a * w2[h];
                    }
                    double error;
                    if (logistic) {
                        // d(log loss)/d(out) = p - y; the loss is doubled to share the squared loss's halving below
                        double w = weights == null ? 1 : weights[row];
                        error = w * (Logistic.sigmoid(out) - target[row]);
                        batchLoss += 2 * w * Logistic.loss(out, target[row]);
                    } else {
                        error = out - target[row];
                        batchLoss += error * error;
                    }
                    output[s] = error;
                }
                batchLoss = batchLoss / size / 2 + 0.5 * ALPHA * squaredWeights / size;
                epochLoss += batchLoss * size;

                // Backward: output deltas are error / size (mean loss); hidden deltas pass through active units.
                java.util.Arrays.fill(gradW2, 0);
                java.util.Arrays.fill(gradB1, 0);
                double sumOut = 0;
                for (int s = 0; s < size; s++) {
                    double d = output[s] / size;
                    sumOut += d;
                    int a0 = s * hidden;
                    for (int h = 0; h < hidden; h++) {
                        double a = activation[a0 + h];
                        gradW2[h] += a * d;
                        double dh = a > 0 ? d * w2[h] : 0;
                        delta[a0 + h] = dh;
                        gradB1[h] += dh;
                    }
                }
                gradB2[0] = sumOut;
                for (int h = 0; h < hidden; h++) gradW2[h] += ALPHA * w2[h] / size;
                // gradW1 = sum_s z_s delta_s + alpha W / size, with z = u + shift: sparse part here, the rest below.
                for (int s = 0; s < size; s++) {
                    int row = order[from + s];
                    int a0 = s * hidden;
                    for (int e = rowStart[row], stop = rowStart[row + 1]; e < stop; e++) {
                        double v = u[e];
                        int base = column[e] * hidden;
                        for (int h = 0; h < hidden; h++) gradW1[base + h] += v * delta[a0 + h];
                    }
                }
                adamW1.step();
                double decay = ALPHA / size;
                for (int j = 0; j < p; j++) {
                    double c = shift[j];
                    int base = j * hidden;
                    for (int h = 0; h < hidden; h++) {
                        int k = base + h;
                        double g = gradW1[k] + c * gradB1[h] + decay * w1[k];
                        gradW1[k] = 0;
                        w1[k] -= adamW1.update(k, g);
                    }
                }
                adamB1.step();
                for (int h = 0; h < hidden; h++) b1[h] -= adamB1.update(h, gradB1[h]);
                adamW2.step();
                for (int h = 0; h < hidden; h++) w2[h] -= adamW2.update(h, gradW2[h]);
                adamB2.step();
                b2Holder[0] -= adamB2.update(0, gradB2[0]);
            }
            double loss = epochLoss / n;
            noImprovement = loss > bestLoss - TOL ? noImprovement + 1 : 0;
            if (loss < bestLoss) bestLoss = loss;
            if (noImprovement > NO_CHANGE) break;
        }
        double[] hiddenOffset = b1.clone();
        for (int j = 0; j < p; j++) {
            for (int h = 0; h < hidden; h++) hiddenOffset[h] += shift[j] * w1[j * hidden + h];
        }
        return new Mlp(hidden, inverseScale, w1, hiddenOffset, w2, b2Holder[0], yShift, yScale, logistic);
    }


    /** Adam moments for one parameter array; step() once per batch, then update(k, gradient) per element. */
    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private int t;
        private double rate;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void step() {
            t++;
            rate = LEARNING_RATE * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        }

        double update(int k, double g) {
            m[k] = BETA1 * m[k] + (1 - BETA1) * g;
            v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
            return rate * m[k] / (Math.sqrt(v[k]) + EPSILON);
        }
    }
}
