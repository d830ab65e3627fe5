package io.qspace.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.model.Builders;
import io.qspace.results.Prediction;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The applicability domain of a feature set's test part is scored once, by the prepare step, and every model of the
 * feature set reports those scores: the same as the stored model computes for the same SMILES; a prepare step stored
 * without them (an earlier version's) still gives the same scores, computed by the test step.
 */
class TestPartDomainTest {
    @TempDir
    Path store;

    @Test
    void everyModelReportsTheScoresItsStoredDomainGivesAndOldPreparesStillScore() throws Exception {
        Results first = SampleData.quickStudy("domain", store).run();
        assertEquals(0, first.failed(), first.failures().print());
        Table rows = first.table();
        for (int r = 0; r < rows.rowCount(); r++) {
            StoredModel model = StoredModel.load(first.store(), rows.stringColumn("model").get(r));
            Table test = first.testPredictions(model);
            List<String> smiles = test.stringColumn("smiles").asList();
            List<Prediction> again = model.predict(smiles);
            for (int i = 0; i < smiles.size(); i++) {
                assertEquals(again.get(i).domainScore(), test.numberColumn("ad_score").getDouble(i), 1e-9,
                        model + " row " + i);
                assertEquals(again.get(i).inDomain(), test.booleanColumn("in_domain").get(i), model + " row " + i);
            }
        }
        long kept;
        try (Stream<Path> files = Files.walk(store)) {
            List<Path> scores = files.filter(p -> p.toString().endsWith(".domain-test-scores")).toList();
            kept = scores.size();
            for (Path p : scores) {
                Files.delete(p);
            }
        }
        assertTrue(kept >= 2, "one per feature set: " + kept);

        // One more builder on the same prepared data: its test step scores the test part itself.
        Results second = SampleData.quickStudy("domain", store).builders(Builders.knn().k(7)).run();
        assertEquals(0, second.failed(), second.failures().print());
        Table knn = second.table();
        for (int r = 0; r < knn.rowCount(); r++) {
            String featureSet = knn.stringColumn("feature_set").get(r);
            Table fresh = second.testPredictions(StoredModel.load(second.store(), knn.stringColumn("model").get(r)));
            Table earlier = first.testPredictions(StoredModel.load(first.store(), rows.where(rows.stringColumn("feature_set")
                    .isEqualTo(featureSet)).stringColumn("model").get(0)));
            assertEquals(earlier.column("ad_score").asList(), fresh.column("ad_score").asList(), featureSet);
            assertEquals(earlier.column("in_domain").asList(), fresh.column("in_domain").asList(), featureSet);
        }
    }
}
