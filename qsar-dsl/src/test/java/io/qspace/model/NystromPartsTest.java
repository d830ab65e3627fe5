package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fast parts of the Nystrom fit give the numbers of their plain forms. */
class NystromPartsTest {

    @Test
    void blockedForwardSolveEqualsRowByRowSolve() {
        double[][] a = Synthetic.uniform(40, 40, 3);
        double[][] k = new double[40][40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double s = i == j ? 40 : 0;
                for (int u = 0; u < 40; u++) {
                    s += a[i][u] * a[j][u];
                }
                k[i][j] = s;
            }
        }
        double[][] l = NystromSvr.pivotedCholesky(k, new int[40]);
        // 21 rows: two full blocks of 8 and a remainder of 5.
        double[][] b = Arrays.copyOf(Synthetic.uniform(21, l.length, 4), 21);
        double[][] blocked = Triangular.forwardRows(l, b);
        for (int i = 0; i < b.length; i++) {
            assertArrayEquals(Triangular.forward(l, b[i]), blocked[i], 0.0, "row " + i);
        }
    }

    @Test
    void sparseLandmarksGiveTheKernelOfDenseOnes() {
        double[][] sparse = Synthetic.counts(30, 200, 15, 5);
        double[][] dense = Synthetic.uniform(30, 200, 6);
        double[][] rows = Synthetic.counts(10, 200, 15, 7);
        LandmarkKernel.Rbf indexed = new LandmarkKernel.Rbf(sparse, 0.01);
        LandmarkKernel.Rbf plain = new LandmarkKernel.Rbf(dense, 0.01);
        for (double[] row : rows) {
            double[] got = indexed.values(row);
            double[] plainGot = plain.values(row);
            for (int l = 0; l < sparse.length; l++) {
                double d2 = 0;
                double d2Dense = 0;
                for (int j = 0; j < row.length; j++) {
                    d2 += (row[j] - sparse[l][j]) * (row[j] - sparse[l][j]);
                    d2Dense += (row[j] - dense[l][j]) * (row[j] - dense[l][j]);
                }
                assertEquals(Math.exp(-0.01 * d2), got[l], 1e-12);
                assertEquals(Math.exp(-0.01 * d2Dense), plainGot[l], 1e-12);
            }
        }
    }
}
