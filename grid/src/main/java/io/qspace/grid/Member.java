package io.qspace.grid;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;

/**
 * A grid member: one Hazelcast member with the qspace worker (slots pulling from the global queue) and the sweeper.
 * Configured by the YAML file named in QSPACE_GRID_CONFIG (Hazelcast's own format; qspace settings go in its
 * properties section) and QSPACE_* environment variables / qspace.* system properties.
 */
public final class Member implements AutoCloseable {
    private final HazelcastInstance hz;
    private final Worker worker;
    private final Sweeper sweeper;

    private Member(HazelcastInstance hz, GridSettings settings) {
        this.hz = hz;
        this.worker = new Worker(hz, settings).start();
        this.sweeper = new Sweeper(hz, settings);
    }

    public static Member start(Path yaml) {
        Config config = HazelcastConfigs.member(yaml);
        GridSettings settings = GridSettings.from(config.getProperties());
        return new Member(Hazelcast.newHazelcastInstance(config), settings);
    }

    /** A member inside the caller's JVM, with the given slots, for Grid.embedded(). */
    static Member startEmbedded(Config config, GridSettings settings) {
        return new Member(Hazelcast.newHazelcastInstance(config), settings);
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    @Override
    public void close() {
        worker.stop();
        sweeper.stop();
        hz.shutdown();
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : System.getenv("QSPACE_GRID_CONFIG");
        Member member = start(file == null || file.isBlank() ? null : Path.of(file));
        Runtime.getRuntime().addShutdownHook(new Thread(member::close, "qspace-member-shutdown"));
        System.out.println("qspace member " + member.hz.getCluster().getLocalMember().getAddress() + " up in cluster "
                + member.hz.getConfig().getClusterName() + " (" + member.hz.getCluster().getMembers().size()
                + " members)");
        System.out.flush();
    }
}
