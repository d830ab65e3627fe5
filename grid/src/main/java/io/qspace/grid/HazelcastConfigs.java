package io.qspace.grid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.QueueConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Builds member and client configurations: network, failure detection, the grid's structures and the allow list. */
public final class HazelcastConfigs {
    private HazelcastConfigs() {}

    /** The member configuration: the YAML file's (Hazelcast's own format) when given, then qspace's settings. */
    public static Config member(Path yaml) {
        Config config;
        try {
            config = yaml == null ? new Config() : Config.loadFromFile(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read grid config " + yaml + ": " + e.getMessage(), e);
        }
        GridSettings settings = GridSettings.from(config.getProperties());
        boolean fromFile = yaml != null;
        if (!fromFile || GridSettings.given("qspace.cluster", config.getProperties())) {
            config.setClusterName(settings.cluster());
        }
        NetworkConfig network = config.getNetworkConfig();
        InterfacesConfig interfaces = network.getInterfaces();
        if (!interfaces.isEnabled() || GridSettings.given("qspace.interface", config.getProperties())) {
            // Bind to one interface, never the wildcard, unless the YAML says otherwise explicitly.
            interfaces.setEnabled(true).setInterfaces(List.of(settings.bindInterface()));
        }
        if (config.getProperty("hazelcast.socket.bind.any") == null) {
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
        if (!fromFile || GridSettings.given("qspace.port", config.getProperties())) {
            network.setPort(settings.port()).setPortAutoIncrement(true);
        }
        JoinConfig join = network.getJoin();
        if (!fromFile || GridSettings.given("qspace.join", config.getProperties())
                || GridSettings.given("qspace.members", config.getProperties())) {
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(settings.join().equals("multicast"));
            join.getTcpIpConfig().setEnabled(settings.join().equals("tcp"))
                    .setMembers(Arrays.asList(settings.members().split(",")));
        }
        defaultProperty(config, "hazelcast.heartbeat.interval.seconds", "1");
        defaultProperty(config, "hazelcast.max.no.heartbeat.seconds", "5");
        defaultProperty(config, "hazelcast.client.max.no.heartbeat.seconds", "5");
        defaultProperty(config, "hazelcast.logging.type", "jdk");
        // Members come and go at any time: a member that missed the cluster while joining (or was cut off) merges
        // back within half a minute instead of Hazelcast's default five.
        defaultProperty(config, "hazelcast.merge.first.run.delay.seconds", "30");
        defaultProperty(config, "hazelcast.merge.next.run.delay.seconds", "30");
        // Fewer partitions than Hazelcast's 271: a batch of claims or ends costs one call per partition it touches,
        // so at sleep-0 on 2 members 31 partitions ran ~15% faster than 271. 71 keeps room for ~70 members owning
        // data; beyond that set hazelcast.partition.count (all members alike) to 271 or more in the YAML or -D.
        defaultProperty(config, "hazelcast.partition.count", "71");
        defaultProperty(config, "hazelcast.phone.home.enabled", "false");
        // Hazelcast's metrics (for Management Center and JMX) are collected every 5 s from every probe: 40% of an
        // idle member's CPU (bench/member-cost.sh, 16 members: 0.026 -> 0.019 of a core). qspace's own counters
        // drive progress; hazelcast.metrics.enabled=true turns them back on.
        if (!metricsAsked(config.getProperties())) {
            config.getMetricsConfig().setEnabled(false);
        }
        addStructures(config, settings.backups());
        partitionGroups(config, settings.partitionGroup(), fromFile);
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter());
        GridSerialization.register(config.getSerializationConfig());
        return config;
    }

    /**
     * Where backups go: "member" (any other member, Hazelcast's default), "host" (another machine: two members on
     * one host never hold both copies) or "zone" (another availability zone, from the cloud discovery's metadata).
     * A YAML that configures partition groups itself keeps its own.
     */
    static void partitionGroups(Config config, String group, boolean fromFile) {
        var groups = config.getPartitionGroupConfig();
        if (fromFile && groups.isEnabled()) {
            return;
        }
        switch (group) {
            case "member" -> groups.setEnabled(false);
            case "host" -> groups.setEnabled(true).setGroupType(
                    com.hazelcast.config.PartitionGroupConfig.MemberGroupType.HOST_AWARE);
            case "zone" -> groups.setEnabled(true).setGroupType(
                    com.hazelcast.config.PartitionGroupConfig.MemberGroupType.ZONE_AWARE);
            default -> throw new IllegalArgumentException("qspace.partition.group must be member, host or zone, not '"
                    + group + "'");
        }
    }

    private static boolean metricsAsked(java.util.Properties properties) {
        return System.getProperty("hazelcast.metrics.enabled") != null
                || properties.getProperty("hazelcast.metrics.enabled") != null;
    }

    private static void defaultProperty(Config config, String key, String value) {
        if (config.getProperty(key) == null && System.getProperty(key) == null) {
            config.setProperty(key, value);
        }
    }

    /** @param backups synchronous copies of every entry beyond its owner's (qspace.backups, default 1) */
    static void addStructures(Config config, int backups) {
        config.addMapConfig(new MapConfig(GridNames.STATE).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setBackupCount(backups)
                .addIndexConfig(new com.hazelcast.config.IndexConfig(IndexType.HASH, "runId"))
                .addIndexConfig(new com.hazelcast.config.IndexConfig(IndexType.HASH, "status")));
        config.addMapConfig(new MapConfig(GridNames.RUNS).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setBackupCount(backups));
        config.addQueueConfig(new QueueConfig(GridNames.HINTS).setBackupCount(backups));
    }

    /**
     * Hazelcast's own Java deserialisation accepts only the grid's records and processors and the JDK's plain data:
     * invocations travel as bytes and are read through {@link io.qspace.grid.code.AllowList} instead.
     */
    static JavaSerializationFilterConfig filter() {
        ClassFilter allowed = new ClassFilter()
                .addPrefixes("io.qspace.grid.", "com.hazelcast.")
                .addPackages("java.lang", "java.util")
                .addClasses("[B", "[I", "[J", "[Ljava.lang.String;", "[Ljava.lang.Object;",
                        "[Ljava.lang.StackTraceElement;", "[Ljava.lang.Throwable;");
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
    }

    /**
     * A client of cluster "name" at the given addresses ("host:port,host:port"; default 127.0.0.1), or the
     * client YAML/XML file named.
     */
    public static ClientConfig client(String clusterOrConfig) {
        ClientConfig config;
        String spec = clusterOrConfig == null || clusterOrConfig.isBlank() ? "qspace" : clusterOrConfig.strip();
        if (spec.endsWith(".yaml") || spec.endsWith(".yml") || spec.endsWith(".xml")) {
            try {
                config = spec.endsWith(".xml")
                        ? new com.hazelcast.client.config.XmlClientConfigBuilder(Path.of(spec).toFile()).build()
                        : new com.hazelcast.client.config.YamlClientConfigBuilder(Path.of(spec).toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read grid client config " + spec + ": " + e.getMessage(), e);
            }
        } else {
            config = new ClientConfig();
            int at = spec.indexOf('@');
            String cluster = at < 0 ? spec : spec.substring(0, at);
            String addresses = at < 0 ? System.getenv().getOrDefault("QSPACE_GRID_ADDRESSES", "127.0.0.1")
                    : spec.substring(at + 1);
            config.setClusterName(cluster);
            config.getNetworkConfig().setAddresses(Arrays.asList(addresses.split(",")));
            config.getNetworkConfig().setSmartRouting(true);
            config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(30_000);
        }
        if (config.getProperty("hazelcast.client.heartbeat.interval") == null) {
            config.setProperty("hazelcast.client.heartbeat.interval", "1000");
        }
        if (config.getProperty("hazelcast.client.heartbeat.timeout") == null) {
            config.setProperty("hazelcast.client.heartbeat.timeout", "5000");
        }
        config.setProperty("hazelcast.logging.type", "jdk");
        if (!metricsAsked(config.getProperties())) {
            config.getMetricsConfig().setEnabled(false);
        }
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter());
        GridSerialization.register(config.getSerializationConfig());
        return config;
    }
}
