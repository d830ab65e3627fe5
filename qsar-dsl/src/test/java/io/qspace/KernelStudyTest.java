package io.qspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.chem.Descriptors;
import io.qspace.model.Builders;
import io.qspace.model.GaussianProcessModel;
import io.qspace.model.Model;
import io.qspace.model.ModelBuilder;
import io.qspace.model.ParamGrid;
import io.qspace.model.Params;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The fingerprint kernels and a lambda builder with a parameter grid in one study on the sample data: every model is
 * made, chosen by CV over its grid, stored with its parameters typed, and the GP keeps its predictive variance.
 */
class KernelStudyTest {
    @TempDir
    Path store;

    /** A mean shifted by a tuned offset: CV must choose the offset closest to 0 of the grid. */
    static final ModelBuilder SHIFTED_MEAN = ModelBuilder.of("shifted-mean", ParamGrid.of("offset", -1, 0.25, 2),
            (x, y, seed, p) -> {
                double m = Arrays.stream(y).average().orElseThrow() + p.getDouble("offset");
                return (Model) row -> m;
            });

    @Test
    void tanimotoSvrGaussianProcessAndATunedLambdaRunInAStudy() {
        List<ModelBuilder> builders = List.of(Builders.svr().kernel("auto").c(1, 10),
                Builders.gaussianProcess().noise(0.1, 0.3), SHIFTED_MEAN);
        Results results = Study.named("kernels")
                .datasets(SampleData.bzr())
                .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))
                .selectors(Selectors.fingerprints("ecfp4"), Selectors.topCorrelated(10))
                .builders(builders)
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(11)
                .run();
        Table table = results.table();
        assertEquals(6, table.rowCount(), table.print());
        assertTrue(table.stringColumn("status").allMatch("ok"::equals), table.print());

        Map<String, ModelBuilder> byName = builders.stream().collect(Collectors.toMap(ModelBuilder::name,
                Function.identity()));
        for (int i = 0; i < table.rowCount(); i++) {
            StoredModel stored = StoredModel.load(results.store(), table.stringColumn("model").get(i));
            ModelBuilder builder = byName.get(stored.provenance().builder());
            Params chosen = stored.parameters();
            // typed, one of the grid's points, and the results column is its readable text
            assertTrue(builder.paramGrid().points(builder.name()).contains(chosen), chosen + " in " + builder);
            assertEquals(chosen.readable(), table.stringColumn("parameters").get(i));
            if (builder.name().equals("svr")) {
                // auto: the tanimoto kernel on fingerprint counts, RBF on descriptors
                assertEquals(stored.provenance().featureSet().equals("ecfp4") ? "CountsModel" : "ScaledModel",
                        stored.model().getClass().getSimpleName());
            }
            if (builder.name().equals("shifted-mean")) {
                assertEquals(0.25, chosen.getDouble("offset"), "CV keeps the offset nearest the mean");
            }
        }
        // by cross-validation over 130 compounds, not by the 33 of the test part (too few to rank models on)
        assertTrue(table.where(table.stringColumn("builder").isNotEqualTo("shifted-mean")).doubleColumn("cv_rmse")
                .max() < table.where(table.stringColumn("builder").isEqualTo("shifted-mean")).doubleColumn("cv_rmse")
                .min(), "kernel models beat a shifted mean in cross-validation:\n" + table.print());

        Table gpOnFingerprints = table.where(table.stringColumn("builder").isEqualTo("gp")
                .and(table.stringColumn("feature_set").isEqualTo("ecfp4")));
        StoredModel gp = StoredModel.load(results.store(), gpOnFingerprints.stringColumn("model").get(0));
        GaussianProcessModel model = assertInstanceOf(GaussianProcessModel.class, gp.model());
        assertEquals(gp.provenance().trainSize(), model.size(), "the GP keeps every training compound");
        // no substructure of any training compound: the prior, i.e. the training activities' variance
        double prior = model.variance(new double[gp.featureSet().size()]);
        assertTrue(prior > model.noiseVariance() && prior < 4, "prior variance " + prior + " (pIC50^2)");
        assertTrue(gp.predict("c1ccc2c(c1)C(=NCC(=O)N2)c1ccccc1").ok());
    }
}
