package io.qspace.bench;

import io.qspace.Study;
import io.qspace.data.DatasetSource;
import io.qspace.data.Datasets;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.run.EmbeddedRunner;
import io.qspace.run.ProgressListener;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** What the benchmarks on MoleculeACE sets share: the file's layout, one embedded run, the best model by CV. */
final class MoleculeAceStudy {
    private MoleculeAceStudy() {}

    /** A MoleculeACE CSV: SMILES, the activity as pEC50/pKi, the given train/test split. */
    static io.qspace.data.CsvSource source(Path csv) {
        return source(csv, "y [pEC50/pKi]");
    }

    /** A CSV in MoleculeACE's layout with another activity column (e.g. the KIBA sets' "kiba_score"). */
    static io.qspace.data.CsvSource source(Path csv, String activity) {
        return Datasets.csv(csv.toString()).smiles("smiles").activity(activity).split("split");
    }

    /** The study on the embedded runner, with progress lines. */
    static Results run(Study study) {
        try (EmbeddedRunner runner = new EmbeddedRunner()) {
            return runner.submit(study.plan(), ProgressListener.defaultListener()).await();
        }
    }

    /** The study's successful rows. */
    static Table ok(Results results) {
        Table t = results.table();
        return t.where(t.stringColumn("status").isEqualTo("ok"));
    }

    /** The best model by CV RMSE of the study's one dataset. */
    static StoredModel best(Results results) {
        return results.best(ok(results).stringColumn("dataset").get(0));
    }
}
