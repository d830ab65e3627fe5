package io.qspace.grid;

import io.qspace.run.Runner;
import io.qspace.run.RunnerProvider;

/** Cluster addresses for {@link io.qspace.run.Runners#open}: {@code qspace run --grid lab@host:5701 study.jsh}. */
public final class GridRunnerProvider implements RunnerProvider {
    @Override
    public String kind() {
        return "grid";
    }

    @Override
    public Runner open(String address) {
        return Grid.connect(address);
    }
}
