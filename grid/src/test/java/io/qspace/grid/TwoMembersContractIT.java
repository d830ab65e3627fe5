package io.qspace.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qspace.grid.testing.MemberProcess;
import io.qspace.run.Runner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a grid of two member JVMs (two slots each) started by grid/bin/qspace-member. */
class TwoMembersContractIT extends RunnerContract {
    private final List<MemberProcess> members = new ArrayList<>();
    private GridRunner grid;

    @BeforeAll
    void start() throws Exception {
        String cluster = "contract-" + Long.toHexString(System.nanoTime());
        int port = 26000 + ThreadLocalRandom.current().nextInt(1000) * 10;
        Path logs = Path.of("target", "member-logs", cluster);
        for (int i = 1; i <= 2; i++) {
            members.add(MemberProcess.start("c" + i, cluster, port, 2, logs));
        }
        for (MemberProcess m : members) {
            m.awaitUp();
        }
        grid = Grid.connect(cluster + "@" + MemberProcess.members(port));
        assertEquals(2, grid.hazelcast().getCluster().getMembers().size(), grid.describe());
    }

    @Override
    Runner runner() {
        return grid;
    }

    @AfterAll
    void stop() throws Exception {
        if (grid != null) {
            grid.close();
        }
        for (MemberProcess m : members) {
            m.close();
        }
    }
}
