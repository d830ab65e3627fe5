package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qspace.model.Synthetic;
import org.junit.jupiter.api.Test;

class MetricsAndValidationTest {
    @Test
    void metricsOnHandComputedValues() {
        double[] observed = {1, 2, 3, 4};
        double[] predicted = {1, 3, 3, 2};
        // errors 0, -1, 0, 2: PRESS 5, |e| sum 3, TSS about mean 2.5 = 5.
        assertEquals(Math.sqrt(5.0 / 4), Metrics.rmse(observed, predicted), 1e-12);
        assertEquals(0.75, Metrics.mae(observed, predicted), 1e-12);
        assertEquals(0.0, Metrics.r2(observed, predicted), 1e-12);
        assertEquals(0.0, Metrics.q2(observed, predicted), 1e-12);
        assertEquals(1.0, Metrics.q2(observed, observed), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(observed, new double[3]));
    }

    @Test
    void validationDescribesItselfAndSerialises() {
        assertEquals("kfold(5)+selection(inside-folds)", Validation.defaults().describe());
        assertEquals("kfold(5)+selection(inside-folds)+yrand(10)", Validation.kFold(5).yRandomisation(10).describe());
        assertEquals("kfold(5)+repeats(3)+selection(before-cv)+yrand(2)",
                Validation.kFold(5).yRandomisation(2).repeated(3).selectionBeforeCv().describe());
        assertEquals(Validation.Selection.INSIDE_FOLDS, Validation.kFold(5).selection(), "honest by default");
        assertEquals("before-cv", Validation.kFold(5).selectionBeforeCv().selection().label());
        assertEquals(Validation.kFold(5), Validation.kFold(5).selectionBeforeCv().selectionInsideFolds());
        assertEquals(15, Validation.kFold(5).repeated(3).fits());
        assertEquals(Validation.kFold(4).repeated(2).selectionBeforeCv(),
                Synthetic.roundTrip(Validation.kFold(4).repeated(2).selectionBeforeCv()));
        assertThrows(IllegalArgumentException.class, () -> Validation.kFold(5).repeated(0));
        assertEquals(10, Validation.kFold(5).yRandomisation(10).yRandomisations());
        assertEquals(3, Validation.kFold(3).folds());
        assertEquals(0, Validation.kFold(3).yRandomisations());
        assertEquals(Validation.kFold(5).yRandomisation(2), Synthetic.roundTrip(Validation.kFold(5).yRandomisation(2)));
        assertThrows(IllegalArgumentException.class, () -> Validation.kFold(1));
    }
}
