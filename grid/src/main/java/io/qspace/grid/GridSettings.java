package io.qspace.grid;

import java.util.Map;
import java.util.Properties;

/**
 * A member's qspace settings, each from (first found) a system property, an environment variable, or the
 * properties section of the member's Hazelcast YAML; e.g. qspace.slots, -Dqspace.slots, QSPACE_SLOTS.
 */
public record GridSettings(int slots, int window, String cluster, String bindInterface, int port, String join,
                           String members, String allow, int sweepSeconds, int maxLost, int leaseSeconds,
                           int backups, String partitionGroup) {

    public static GridSettings from(Properties fileProperties) {
        Map<String, String> env = System.getenv();
        Lookup l = new Lookup(fileProperties, env);
        int slots = l.integer("qspace.slots", 4);
        return new GridSettings(slots, l.integer("qspace.window", slots), l.text("qspace.cluster", "qspace"),
                l.text("qspace.interface", "127.0.0.1"), l.integer("qspace.port", 5701),
                l.text("qspace.join", "tcp"), l.text("qspace.members", "127.0.0.1"), l.text("qspace.allow", ""),
                l.integer("qspace.sweep.seconds", 5), l.integer("qspace.max.lost", 3),
                l.integer("qspace.lease.seconds", 60), l.integer("qspace.backups", 1),
                l.text("qspace.partition.group", "member"));
    }

    public static GridSettings defaults() {
        return from(new Properties());
    }

    public GridSettings withSlots(int n) {
        return new GridSettings(n, Math.max(window, n), cluster, bindInterface, port, join, members, allow,
                sweepSeconds, maxLost, leaseSeconds, backups, partitionGroup);
    }

    public GridSettings withCluster(String name) {
        return new GridSettings(slots, window, name, bindInterface, port, join, members, allow, sweepSeconds,
                maxLost, leaseSeconds, backups, partitionGroup);
    }

    /** Whether a setting was given anywhere (so that it overrides what a YAML file says about the network). */
    static boolean given(String key, Properties fileProperties) {
        return new Lookup(fileProperties, System.getenv()).raw(key) != null;
    }

    private record Lookup(Properties file, Map<String, String> env) {
        String raw(String key) {
            String v = System.getProperty(key);
            if (v == null) {
                v = env.get(key.toUpperCase().replace('.', '_'));
            }
            if (v == null) {
                v = file.getProperty(key);
            }
            return v == null || v.isBlank() ? null : v.strip();
        }

        String text(String key, String fallback) {
            String v = raw(key);
            return v == null ? fallback : v;
        }

        int integer(String key, int fallback) {
            String v = raw(key);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'", e);
            }
        }
    }
}
