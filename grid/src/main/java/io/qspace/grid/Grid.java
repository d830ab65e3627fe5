package io.qspace.grid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;

/**
 * Entry points: a grid of one member inside this JVM, or a client of a running cluster. Both give a Runner that
 * runs the same plans as the embedded runner, with the same results.
 */
public final class Grid {
    private Grid() {}

    /** One member in this JVM (4 slots), joined to nobody: the grid code path without a cluster. */
    public static GridRunner embedded() {
        return embedded(4);
    }

    public static GridRunner embedded(int slots) {
        Config config = HazelcastConfigs.member(null);
        config.setClusterName("qspace-embedded-" + UUID.randomUUID().toString().substring(0, 8));
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        GridSettings settings = GridSettings.from(config.getProperties()).withSlots(slots);
        Member member = Member.startEmbedded(config, settings);
        return new GridRunner(member.hazelcast(), member, "grid, embedded member");
    }

    /**
     * A client of a running grid: "lab" (cluster name; members at QSPACE_GRID_ADDRESSES or 127.0.0.1),
     * "lab@host1:5701,host2:5701", or a Hazelcast client YAML/XML file.
     */
    public static GridRunner connect(String clusterOrConfig) {
        HazelcastInstance client = HazelcastClient.newHazelcastClient(HazelcastConfigs.client(clusterOrConfig));
        return new GridRunner(client, client::shutdown, "grid " + client.getConfig().getClusterName());
    }
}
