package io.qspace.model;

/** A builder made from a function and its parameter grid: what {@link ModelBuilder#of} returns. */
final class FunctionBuilder extends GridBuilder {
    private static final long serialVersionUID = 2L;

    private final ParamFitter fitter;

    FunctionBuilder(String name, ParamGrid grid, ParamFitter fitter) {
        super(name, grid);
        this.fitter = java.util.Objects.requireNonNull(fitter, "fitter");
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new FunctionBuilder(name(), grid, fitter);
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        Model model = fitter.fit(x, y, seed, p);
        if (model == null) {
            throw new IllegalStateException(name() + ": the fitting function returned no model");
        }
        return model;
    }

    @Override
    public Object code() {
        return fitter;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && fitter.equals(((FunctionBuilder) other).fitter);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
