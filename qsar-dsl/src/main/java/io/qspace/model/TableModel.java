package io.qspace.model;

import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.DataFrameRegression;

/** A fitted Smile tree model (tree, forest, boosting) that predicts from a plain row. */
final class TableModel implements Model {
    private static final long serialVersionUID = 1L;

    private final DataFrameRegression regression;
    private final StructType schema;

    TableModel(DataFrameRegression regression, StructType schema) {
        this.regression = regression;
        this.schema = schema;
    }

    @Override
    public double predict(double[] x) {
        // The formula binds tuples by the training schema, which ends with the response column: pad it with 0.
        double[] row = java.util.Arrays.copyOf(x, x.length + 1);
        return regression.predict(Tuple.of(row, schema));
    }
}
