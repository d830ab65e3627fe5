package io.qspace.kernel;

import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;

/** A 2D depiction of a molecule as SVG; CDK lays out coordinates itself when the molecule has none. */
public final class MoleculeSvg {

    private final DepictionGenerator generator;

    public MoleculeSvg(int widthPx, int heightPx) {
        this.generator = new DepictionGenerator()
                .withSize(widthPx, heightPx)
                .withFillToFit()
                .withAtomColors();
    }

    public MoleculeSvg() {
        this(250, 200);
    }

    public String render(IAtomContainer molecule) {
        try {
            // Depiction adds 2D coordinates: work on a copy so rendering leaves the user's molecule as it was.
            return generator.depict(molecule.clone()).toSvgStr();
        } catch (CDKException | CloneNotSupportedException e) {
            throw new IllegalArgumentException("could not depict molecule: " + e.getMessage(), e);
        }
    }
}
