package io.qspace.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

import java.util.List;

/**
 * qspace's line and cell magics. JJava lets an extension add magics to the kernel's MagicsRegistry; a cell line
 * {@code %name args} is turned into a call to the registered function. The grid magic will be registered here.
 */
final class NotebookMagics {

    private final NotebookImports imports;

    NotebookMagics(NotebookImports imports) {
        this.imports = imports;
    }

    void registerOn(MagicsRegistry registry) {
        registry.registerLineMagic("qspace", (LineMagic<String, BaseKernel>) (kernel, args) -> status());
    }

    /** What {@code %qspace} shows: which DSL packages this kernel imported, so a missing one is visible. */
    String status() {
        List<String> skipped = imports.skipped();
        return "qspace kernel: imported " + String.join(", ", imports.imported())
                + (skipped.isEmpty() ? "" : "; not on the class path: " + String.join(", ", skipped));
    }
}
