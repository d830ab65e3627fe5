package io.qspace.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

import java.util.List;

/**
 * qspace's line magics. JJava lets an extension add magics to the kernel's MagicsRegistry; a cell line
 * {@code %name args} is turned into a call to the registered function.
 */
final class NotebookMagics {

    private final NotebookImports imports;
    private final GridMagic grid = new GridMagic();

    NotebookMagics(NotebookImports imports) {
        this.imports = imports;
    }

    void registerOn(MagicsRegistry registry) {
        registry.registerLineMagic("qspace", (LineMagic<String, BaseKernel>) (kernel, args) -> help());
        registry.registerLineMagic("grid", (LineMagic<String, BaseKernel>) (kernel, args) -> grid.run(args));
    }

    /** What {@code %qspace} shows: a short reminder of the DSL, and which packages this kernel imported. */
    String help() {
        return String.join("\n",
                "qspace - explore QSAR model space from this notebook",
                "",
                "  var study = Study.named(\"my-study\")",
                "      .datasets(Datasets.csv(\"data/*.csv\").smiles(\"smiles\").id(\"id\"))",
                "      .descriptors(Descriptors.cdkDefault().plus(Descriptors.ecfp4()))",
                "      .selectors(Selectors.topCorrelated(10, 20), Selectors.stepwise())",
                "      .builders(Builders.pls().components(2, 4), Builders.randomForest().trees(100))",
                "      .validation(Validation.kFold(5));",
                "  study.plan()                     shape and counts, nothing runs",
                "  var results = study.run()        runs here with a progress bar; interrupt the cell to stop it",
                "  results                          leaderboard and predicted-vs-observed plot",
                "  results.table() / failures() / issues()",
                "  results.best(\"dataset\").predict(\"c1ccccc1O\")",
                "  Plots.byBuilder(results.table(), \"cv_rmse\")   compare builders",
                "  MoleculeTable.of(table, \"smiles\")              a table with structure depictions",
                "  Smiles.of(\"c1ccccc1O\")                         one depiction",
                "",
                "magics: %qspace (this help); %grid connect CLUSTER@HOST:PORT | local [slots] | off, or %grid for members and load",
                status());
    }

    /** Which DSL packages this kernel imported, so a missing one is visible. */
    String status() {
        List<String> skipped = imports.skipped();
        return "qspace kernel: imported " + String.join(", ", imports.imported())
                + (skipped.isEmpty() ? "" : "; not on the class path: " + String.join(", ", skipped));
    }
}
