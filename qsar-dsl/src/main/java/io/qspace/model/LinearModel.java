package io.qspace.model;

/** y = intercept + sum(coefficient * x) on raw feature values: what MLR and PLS fit. */
record LinearModel(double intercept, double[] coefficients) implements Model {
    private static final long serialVersionUID = 1L;

    LinearModel {
        coefficients = coefficients.clone();
    }

    @Override
    public double predict(double[] x) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            sum += coefficients[j] * x[j];
        }
        return sum;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Turns coefficients found on standardised columns back into coefficients on raw columns. */
    static LinearModel fromStandardised(Standardiser scaler, double yMean, double[] standardisedCoefficients) {
        int p = standardisedCoefficients.length;
        double[] raw = new double[p];
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            raw[j] = standardisedCoefficients[j] / scaler.scale(j);
            intercept -= raw[j] * scaler.mean(j);
        }
        return new LinearModel(intercept, raw);
    }
}
