package io.qspace.plan;

import io.qspace.select.FeatureSet;
import java.io.Serializable;
import java.util.List;

/**
 * The prepared input of model building for one feature set: every compound's values for the chosen columns
 * (missing values already replaced by training medians), activities and the test mask. Stored once by the prepare
 * step; every build and test invocation of that feature set reads only this, never the whole descriptor matrix.
 *
 * @param medians training medians of the chosen columns, kept so predictions impute new molecules the same way
 */
public record FeatureMatrix(String dataset, FeatureSet featureSet, double[][] x, double[] y, boolean[] test,
                            List<String> ids, List<String> smiles, double[] medians) implements Serializable {

    public int trainSize() {
        int n = 0;
        for (boolean t : test) {
            if (!t) n++;
        }
        return n;
    }

    public double[][] xPart(boolean testPart) {
        double[][] out = new double[count(testPart)][];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (test[i] == testPart) out[j++] = x[i];
        }
        return out;
    }

    public double[] yPart(boolean testPart) {
        double[] out = new double[count(testPart)];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (test[i] == testPart) out[j++] = y[i];
        }
        return out;
    }

    public <T> List<T> part(List<T> values, boolean testPart) {
        java.util.ArrayList<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (test[i] == testPart) out.add(values.get(i));
        }
        return out;
    }

    private int count(boolean testPart) {
        int n = 0;
        for (boolean t : test) {
            if (t == testPart) n++;
        }
        return n;
    }
}
