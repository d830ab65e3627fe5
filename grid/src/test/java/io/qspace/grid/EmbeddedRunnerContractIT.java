package io.qspace.grid;

import io.qspace.run.EmbeddedRunner;
import io.qspace.run.Runner;
import org.junit.jupiter.api.AfterAll;

/** The contract on the embedded runner: four slots in this JVM. */
class EmbeddedRunnerContractIT extends RunnerContract {
    private final EmbeddedRunner runner = new EmbeddedRunner();

    @Override
    Runner runner() {
        return runner;
    }

    @AfterAll
    void close() {
        runner.close();
    }
}
