package io.qspace.kernel;

/**
 * A SMILES string as an SVG element to put inside HTML (no XML prolog). A structure CDK cannot read becomes a short
 * note in the cell instead of failing the whole table.
 */
final class InlineSvg {

    private final MoleculeSvg svg;

    InlineSvg(int widthPx, int heightPx) {
        this.svg = new MoleculeSvg(widthPx, heightPx);
    }

    String depict(String smiles) {
        if (smiles == null || smiles.isBlank()) return "";
        try {
            String text = svg.render(Smiles.of(smiles).molecule());
            int start = text.indexOf("<svg");
            return start < 0 ? text : text.substring(start);
        } catch (RuntimeException e) {
            return "<i>cannot depict: " + Html.escape(e.getMessage()) + "</i>";
        }
    }
}
