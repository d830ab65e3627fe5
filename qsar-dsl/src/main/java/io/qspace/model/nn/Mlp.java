package io.qspace.model.nn;


/**
 * A fitted one-hidden-layer ReLU network for regression, on standardised inputs and a standardised response; takes raw
 * rows. Standardisation is folded into the first layer (z = x / s - m / s), so zeros of a sparse row cost nothing.
 */
public final class Mlp implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int units;
    /** 1 / sd of each input column. */
    private final double[] inverseScale;
    /** Input weights, row-major: weight of input j into unit h at j * units + h. */
    private final double[] hiddenWeights;
    /** Hidden biases with the centring term -sum_j (m_j / s_j) W[j, .] folded in. */
    private final double[] hiddenOffset;
    private final double[] outputWeights;
    private final double outputBias;
    private final double yMean;
    private final double yScale;

    /** A classifier: the output is the sigmoid of the output unit, the probability of class 1. */
    private final boolean logistic;

    Mlp(int units, double[] inverseScale, double[] hiddenWeights, double[] hiddenOffset, double[] outputWeights,
            double outputBias, double yMean, double yScale) {
        this(units, inverseScale, hiddenWeights, hiddenOffset, outputWeights, outputBias, yMean, yScale, false);
    }

    Mlp(int units, double[] inverseScale, double[] hiddenWeights, double[] hiddenOffset, double[] outputWeights,
            double outputBias, double yMean, double yScale, boolean logistic) {
        this.logistic = logistic;
        this.units = units;
        this.inverseScale = inverseScale;
        this.hiddenWeights = hiddenWeights;
        this.hiddenOffset = hiddenOffset;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.yMean = yMean;
        this.yScale = yScale;
    }

    /** Predictions for many rows at once. */
    public double[] predict(double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(this::predict).toArray();
    }

    public double predict(double[] x) {
        double[] a = hiddenOffset.clone();
        for (int j = 0; j < x.length; j++) {
            if (x[j] == 0) continue;
            double u = x[j] * inverseScale[j];
            int base = j * units;
            for (int h = 0; h < units; h++) a[h] += u * hiddenWeights[base + h];
        }
        double out = outputBias;
        for (int h = 0; h < units; h++) {
            if (a[h] > 0) out += a[h] * outputWeights[h];
        }
        return logistic ? io.qspace.model.loss.Logistic.sigmoid(out) : out * yScale + yMean;
    }
}
