package io.qspace.model;

/** Small dense-vector arithmetic shared by the model package's algorithms. */
final class Vectors {
    private Vectors() {}

    /** The dot product of two vectors of the same length, summed in index order. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
