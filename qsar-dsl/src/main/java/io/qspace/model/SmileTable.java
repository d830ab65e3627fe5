package io.qspace.model;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;

/** Puts plain arrays into the data frame shape that Smile's tree learners want: columns x0..x(p-1) then y. */
final class SmileTable {
    static final String RESPONSE = "y";
    static final Formula FORMULA = Formula.lhs(RESPONSE);

    private SmileTable() {}

    static DataFrame of(double[][] x, double[] y) {
        int p = x[0].length;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        return DataFrame.of(x, names).merge(DoubleVector.of(RESPONSE, y));
    }

    /** The schema a prediction row must have: the training schema, response included (its value is ignored). */
    static StructType schema(DataFrame frame) {
        return frame.schema();
    }
}
