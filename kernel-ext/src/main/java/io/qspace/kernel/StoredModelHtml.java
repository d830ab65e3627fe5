package io.qspace.kernel;

import io.qspace.results.ResultRecord;
import io.qspace.results.StoredModel;

/** A stored model's summary: what it was trained on, how it was chosen and how it did, as a two-column table. */
final class StoredModelHtml {

    String render(StoredModel model) {
        ResultRecord p = model.provenance();
        StringBuilder html = new StringBuilder("<div class=\"qspace-model\"><table class=\"dataframe\" border=\"1\">");
        row(html, "dataset", p.dataset());
        row(html, "builder", p.builder() + (p.parameters().isEmpty() ? "" : " (" + p.parameters() + ")"));
        row(html, "feature set", p.featureSet() + ", " + p.features() + " features");
        row(html, "descriptors", p.descriptorVersion() == null || p.descriptorVersion().isEmpty()
                ? model.descriptors().describe() : p.descriptorVersion());
        row(html, "training / test", p.trainSize() + " / " + p.testSize() + " compounds");
        if (model.classifies()) {
            row(html, "classes", p.classBalance() + (p.chosenBy().isEmpty() ? "" : "; chosen by CV " + p.chosenBy()));
            row(html, "CV ROC-AUC / PR-AUC / MCC / Brier", num(p.cvClasses().rocAuc()) + " / "
                    + num(p.cvClasses().prAuc()) + " / " + num(p.cvClasses().mcc()) + " / " + num(p.cvClasses().brier()));
            row(html, "test ROC-AUC / PR-AUC / MCC / Brier", num(p.testClasses().rocAuc()) + " / "
                    + num(p.testClasses().prAuc()) + " / " + num(p.testClasses().mcc()) + " / "
                    + num(p.testClasses().brier()));
        } else {
            row(html, "CV q² / RMSE", num(p.cvQ2()) + " / " + num(p.cvRmse()));
            row(html, "test r² / RMSE / MAE", num(p.testR2()) + " / " + num(p.testRmse()) + " / " + num(p.testMae()));
        }
        row(html, "selection, split", p.selection() + ", " + p.split());
        row(html, model.classifies() ? "probabilities, prediction sets" : "intervals", !model.hasIntervals()
                ? "none: " + model.noIntervalsReason()
                : model.classifies()
                ? "calibrated (Platt) and Mondrian conformal sets, from " + model.classCalibration().sizes()[1] + " "
                        + model.classCalibration().classes().get(1) + " and " + model.classCalibration().sizes()[0]
                        + " " + model.classCalibration().classes().get(0) + " out-of-fold predictions"
                : "conformal, from " + model.conformal().size() + " out-of-fold residuals (80% and 90% by default)");
        row(html, "seed, qspace", model.seed() + ", " + model.qspaceVersion());
        row(html, "stored as", p.model());
        return html.append("</table><p>Predict new structures with <code>.predict(\"SMILES\", ...)</code>.</p></div>")
                .toString();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th style=\"text-align:left\">").append(Html.escape(name)).append("</th><td style=\"text-align:left\">")
                .append(Html.escape(value)).append("</td></tr>");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format("%.3f", v) : "-";
    }
}
