package io.qspace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.results.Prediction;
import io.qspace.validate.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PredictionTableTest {

    @Test
    void anIntervalColumnPerConfidenceBesideThePredictionAndEmptyForAStructureThatFailed() {
        Prediction ok = new Prediction("CCO", 6.5, 1.2, true, "",
                List.of(new Interval(0.8, 6.0, 7.0), new Interval(0.9, 5.75, 7.25)));
        Prediction failed = new Prediction("C1CC(", Double.NaN, Double.NaN, false, "unclosed ring");
        Table t = PredictionTable.of(List.of(ok, failed));
        assertEquals(List.of("smiles", "predicted", "80% interval", "90% interval", "domain_score", "in_domain", "error"),
                t.columnNames());
        assertEquals("6.00 to 7.00", t.stringColumn("80% interval").get(0));
        assertEquals("5.75 to 7.25", t.stringColumn("90% interval").get(0));
        assertEquals("", t.stringColumn("80% interval").get(1));
        String html = new TableHtml().render(t, "smiles", s -> "<svg/>");
        assertTrue(html.contains("<td>6.00 to 7.00</td>"), html);
    }

    @Test
    void aClassifiersPredictionsShowTheirProbabilityClassAndPredictionSets() {
        io.qspace.results.ClassPrediction classes = new io.qspace.results.ClassPrediction(0.8123, "active", List.of(
                new io.qspace.results.ClassPrediction.PredictionSet(0.8, List.of("active")),
                new io.qspace.results.ClassPrediction.PredictionSet(0.9, List.of("inactive", "active"))));
        Prediction ok = new Prediction("CCO", 0.77, 1.2, true, "", List.of(), classes);
        Prediction odd = new Prediction("CCN", 0.5, 3.0, false, "", List.of(),
                new io.qspace.results.ClassPrediction(0.5, "active", List.of(
                        new io.qspace.results.ClassPrediction.PredictionSet(0.8, List.of()),
                        new io.qspace.results.ClassPrediction.PredictionSet(0.9, List.of()))));
        Table t = PredictionTable.of(List.of(ok, odd));
        assertEquals(List.of("smiles", "probability", "class", "80% set", "90% set", "domain_score", "in_domain",
                "error"), t.columnNames());
        assertEquals(0.812, t.doubleColumn("probability").get(0), 1e-12);
        assertEquals("active", t.stringColumn("80% set").get(0));
        assertEquals("inactive|active", t.stringColumn("90% set").get(0));
        assertEquals("none", t.stringColumn("80% set").get(1), "an empty set says so");
    }
}
