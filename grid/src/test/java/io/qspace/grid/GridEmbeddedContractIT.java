package io.qspace.grid;

import io.qspace.run.Runner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the grid code path with one member inside this JVM: Grid.embedded(). */
class GridEmbeddedContractIT extends RunnerContract {
    private GridRunner grid;

    @BeforeAll
    void start() {
        grid = Grid.embedded(4);
    }

    @Override
    Runner runner() {
        return grid;
    }

    @AfterAll
    void close() {
        grid.close();
    }
}
