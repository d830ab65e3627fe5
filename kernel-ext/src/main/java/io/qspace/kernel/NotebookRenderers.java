package io.qspace.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.openscience.cdk.interfaces.IAtomContainer;
import io.qspace.results.Prediction;
import io.qspace.results.MultiClassResults;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import tech.tablesaw.api.Table;

import java.util.List;

/** Ties each value type to the producer that draws it; text/plain stays available for papermill and nbconvert. */
final class NotebookRenderers {

    private final TableHtml tableHtml = new TableHtml();
    private final ChartPng chartPng = new ChartPng();
    private final MoleculeSvg moleculeSvg = new MoleculeSvg();
    private final InlineSvg cellSvg = new InlineSvg(160, 120);
    private final ResultsHtml resultsHtml = new ResultsHtml();
    private final StoredModelHtml storedModelHtml = new StoredModelHtml();
    private final MultiClassHtml multiClassHtml = new MultiClassHtml();

    void registerOn(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> tableHtml.render(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.shape());
                });

        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Chart<?, ?>> chartClass = (Class) Chart.class;
        renderer.createRegistration(chartClass)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> chartPng.renderBase64(chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"");
                });

        renderer.createRegistration(IAtomContainer.class)
                .preferring(MIMEType.IMAGE_SVG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((mol, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> moleculeSvg.render(mol));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> mol.getAtomCount() + " atoms");
                });

        renderer.createRegistration(Smiles.class)
                .preferring(MIMEType.IMAGE_SVG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((smiles, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> moleculeSvg.render(smiles.molecule()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, smiles::smiles);
                });
    
        renderer.createRegistration(MoleculeTable.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((mt, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML,
                            () -> tableHtml.render(mt.table(), mt.smilesColumn(), cellSvg::depict));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> mt.table().shape());
                });

        renderer.createRegistration(Results.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((results, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> resultsHtml.render(results));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, results::toString);
                });

        renderer.createRegistration(MultiClassResults.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((classes, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> multiClassHtml.render(classes));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, classes::toString);
                });

        renderer.createRegistration(StoredModel.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((model, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> storedModelHtml.render(model));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, model::toString);
                });

        renderer.createRegistration(Prediction.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((prediction, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> predictionsHtml(List.of(prediction)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, prediction::toString);
                });

        // Every List comes here (registration is by class, not element type): only a list of predictions gets
        // HTML; any other list keeps JJava's plain toString.
        renderer.createRegistration(List.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((list, ctx) -> {
                    if (PredictionTable.isPredictions(list)) {
                        @SuppressWarnings("unchecked")
                        List<Prediction> predictions = (List<Prediction>) list;
                        ctx.renderIfRequested(MIMEType.TEXT_HTML, (type, out) -> out.putData(type, predictionsHtml(predictions)));
                    }
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> String.valueOf(list));
                });
    }

    private String predictionsHtml(List<Prediction> predictions) {
        return tableHtml.render(PredictionTable.of(predictions), "smiles", cellSvg::depict);
    }
}
