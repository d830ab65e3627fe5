package io.qspace.model;

/** An SVR fitted on a Nystrom approximation: bias + sum over landmarks of alpha_l k(x, landmark_l). */
final class NystromSvrModel implements Model, Approximation {
    private static final long serialVersionUID = 1L;

    private final Standardiser scaler;
    private final LandmarkKernel<?> kernel;
    private final double[] alpha;
    private final double bias;
    private final int sampled;

    NystromSvrModel(Standardiser scaler, LandmarkKernel<?> kernel, double[] alpha, double bias, int sampled) {
        this.scaler = scaler;
        this.kernel = kernel;
        this.alpha = alpha;
        this.bias = bias;
        this.sampled = sampled;
    }

    @Override
    public double predict(double[] x) {
        double[] k = kernel.values(scaler == null ? x : scaler.apply(x));
        double s = bias;
        for (int l = 0; l < alpha.length; l++) {
            s += alpha[l] * k[l];
        }
        return s;
    }

    @Override
    public String approximation() {
        return "nystrom(" + kernel.size() + " of " + sampled + " landmarks)";
    }
}
