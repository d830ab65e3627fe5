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
    private final RunFinisher finisher;
    private final GridKey key;

    private Member(HazelcastInstance hz, GridSettings settings, GridKey key) {
        this.hz = hz;
        this.key = key;
        MemberTrust.install(new MemberTrust(key, settings.stores()));
        this.worker = new Worker(hz, settings).start();
        this.finisher = new RunFinisher(hz, settings.keepEndedMinutes());
        this.sweeper = new Sweeper(hz, settings, finisher);
    }

    public static Member start(Path yaml) {
        Config config = HazelcastConfigs.member(yaml);
        GridSettings settings = GridSettings.from(config.getProperties());
        GridKey key = GridKey.fromEnvironment();
        MemberMemory.announce(config, settings);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        java.net.InetAddress address;
        try {
            address = hz.getCluster().getLocalMember().getAddress().getInetAddress();
        } catch (java.net.UnknownHostException e) {
            address = null;
        }
        if (!key.present() && (address == null || !address.isLoopbackAddress())) {
            hz.shutdown();
            throw new IllegalStateException("this member listens on " + address + " without a grid key: anyone who "
                    + "reaches its port could run code on every member. Set QSPACE_GRID_KEY (or QSPACE_GRID_KEY_FILE) "
                    + "on members and clients, or bind to loopback (QSPACE_INTERFACE=127.0.0.1)");
        }
        return new Member(hz, settings, key);
    }

    /** What a member says at start about whose work it accepts. */
    String trustLine() {
        return key.present()
                ? "accepting work signed with the grid key"
                : "no grid key: accepting work only from this machine (listening on loopback)";
    }

    /** A member inside the caller's JVM, with the given slots, for Grid.embedded(). */
    static Member startEmbedded(Config config, GridSettings settings) {
        MemberMemory.announce(config, settings);
        return new Member(Hazelcast.newHazelcastInstance(config), settings, GridKey.fromEnvironment());
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    @Override
    public void close() {
        worker.stop();
        sweeper.stop();
        finisher.stop();
        hz.shutdown();
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : System.getenv("QSPACE_GRID_CONFIG");
        Member member = start(file == null || file.isBlank() ? null : Path.of(file));
        Runtime.getRuntime().addShutdownHook(new Thread(member::close, "qspace-member-shutdown"));
        System.out.println("qspace member " + member.hz.getCluster().getLocalMember().getAddress() + " up in cluster "
                + member.hz.getConfig().getClusterName() + " (" + member.hz.getCluster().getMembers().size()
                + " members); " + member.trustLine());
        System.out.flush();
    }
}
