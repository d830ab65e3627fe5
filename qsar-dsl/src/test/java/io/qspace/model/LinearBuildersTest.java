package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearBuildersTest {
    @Test
    void mlrRecoversKnownCoefficients() {
        double[][] x = Synthetic.uniform(50, 3, 1);
        double[] y = Synthetic.linear(x, 0, 2);
        LinearModel model = (LinearModel) Builders.mlr().fit(x, y, 0);
        assertEquals(1.0, model.intercept(), 1e-9);
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, model.coefficients(), 1e-9);
    }

    @Test
    void mlrSurvivesCollinearAndSurplusColumns() {
        double[][] base = Synthetic.uniform(10, 2, 3);
        double[][] x = new double[10][];
        for (int i = 0; i < 10; i++) {
            // A duplicated column, a constant one and a sum: rank 2 among 5 columns.
            x[i] = new double[] {base[i][0], base[i][1], base[i][0], 7.0, base[i][0] + base[i][1]};
        }
        double[] y = Synthetic.linear(base, 0, 4);
        Model model = Builders.mlr().fit(x, y, 0);
        assertArrayEquals(y, model.predict(x), 1e-9);

        double[][] wide = Synthetic.uniform(6, 20, 5);
        double[] yWide = Synthetic.linear(Synthetic.uniform(6, 2, 6), 0.5, 7);
        double[] fitted = Builders.mlr().fit(wide, yWide, 0).predict(wide);
        assertArrayEquals(yWide, fitted, 1e-8);
    }

    @Test
    void plsWithAllComponentsEqualsOls() {
        double[][] x = Synthetic.uniform(40, 4, 8);
        double[] y = Synthetic.linear(x, 1.0, 9);
        double[][] fresh = Synthetic.uniform(10, 4, 10);
        double[] ols = Builders.mlr().fit(x, y, 0).predict(fresh);
        double[] pls = Builders.pls().components(4).fit(x, y, 0).predict(fresh);
        assertArrayEquals(ols, pls, 1e-8);
    }

    @Test
    void plsRecoversALinearSignalCarriedByTwoLatentVariables() {
        // 10 descriptors driven by 2 latent factors: 2 components suffice.
        double[][] latent = Synthetic.uniform(60, 2, 11);
        double[][] x = new double[60][10];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 10; j++) {
                x[i][j] = (j % 2 == 0 ? latent[i][0] : latent[i][1]) * (j + 1) + 0.001 * j * i % 3;
            }
        }
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            y[i] = 3 + 2 * latent[i][0] - latent[i][1];
        }
        double[] predicted = Builders.pls().components(2).fit(x, y, 0).predict(x);
        assertTrue(Synthetic.rmse(y, predicted) < 0.01, "rmse " + Synthetic.rmse(y, predicted));
        double[] one = Builders.pls().components(1).fit(x, y, 0).predict(x);
        assertTrue(Synthetic.rmse(y, one) > 0.1, "one component cannot fit two factors");
    }

    @Test
    void plsCapsComponentsAtTheNumberOfFeatures() {
        double[][] x = Synthetic.uniform(30, 3, 12);
        double[] y = Synthetic.linear(x, 0.2, 13);
        double[] eight = Builders.pls().components(8).fit(x, y, 0).predict(x);
        double[] three = Builders.pls().components(3).fit(x, y, 0).predict(x);
        assertArrayEquals(three, eight, 1e-12);
    }

    @Test
    void fittedLinearModelsSerialise() {
        double[][] x = Synthetic.uniform(30, 3, 14);
        double[] y = Synthetic.linear(x, 0.2, 15);
        Model model = Builders.pls().components(2).fit(x, y, 0);
        assertArrayEquals(model.predict(x), Synthetic.roundTrip(model).predict(x));
    }
}
