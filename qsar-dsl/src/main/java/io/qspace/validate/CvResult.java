package io.qspace.validate;

import java.io.Serializable;

/** Out-of-fold predictions (in the order of the input rows), their Q2 and RMSE, and how many models were fitted. */
public record CvResult(double[] predicted, double q2, double rmse, int fits) implements Serializable {
    public CvResult {
        predicted = predicted.clone();
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }
}
