package io.qspace.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.openscience.cdk.interfaces.IAtomContainer;
import tech.tablesaw.api.Table;

/** Ties each value type to the producer that draws it; text/plain stays available for papermill and nbconvert. */
final class NotebookRenderers {

    private final TableHtml tableHtml = new TableHtml();
    private final ChartPng chartPng = new ChartPng();
    private final MoleculeSvg moleculeSvg = new MoleculeSvg();

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
    }
}
