package io.qspace;

import io.qspace.chem.Descriptors;
import io.qspace.data.DatasetSource;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Small, fast studies over the shipped sample data, for tests of the study machinery rather than of accuracy. */
public final class SampleData {
    private SampleData() {}

    public static Path folder() {
        return Path.of("..", "datasets-sample").toAbsolutePath().normalize();
    }

    /** The smallest shipped set: the Sutherland benzodiazepine-receptor compounds. */
    public static DatasetSource bzr() {
        return csv("sutherland_BZR.csv");
    }

    public static DatasetSource csv(String file) {
        return Datasets.csv(folder().resolve(file).toString()).smiles("smiles").id("id");
    }

    /** A study that exercises every step but costs seconds: cheap descriptors, two feature sets, three builders. */
    public static Study quickStudy(String name, Path store) {
        return Study.named(name)
                .datasets(bzr())
                .descriptors(Descriptors.cdkDefault())
                .selectors(Selectors.topCorrelated(5, 10))
                .builders(Builders.mlr(), Builders.pls().components(2, 3), Builders.knn().k(3, 5))
                .validation(Validation.kFold(3))
                .store(store.toString())
                .seed(7);
    }

    /** ../shared/datasets/moleculeace, or a skipped test saying why. */
    public static Path moleculeAce() {
        Path dir = Path.of("..", "..", "shared", "datasets", "moleculeace").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "skipped: the MoleculeACE sets are not at " + dir + " (they live in the team's shared folder)");
        return dir;
    }
}
