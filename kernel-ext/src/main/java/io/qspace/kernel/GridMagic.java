package io.qspace.kernel;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.qspace.grid.Grid;
import io.qspace.grid.GridNames;
import io.qspace.grid.GridRunner;
import io.qspace.grid.RunInfo;
import io.qspace.run.Runner;
import io.qspace.run.Runners;
import io.qspace.code.CodeBundle;
import io.qspace.store.ContentHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code %grid}: attach this notebook to a grid so that {@code study.run()} runs there, and show the grid's members
 * and load. The study cells do not change: only where they run.
 * <pre>
 *   %grid connect lab@10.0.0.5:5701   attach as a client to a running cluster (or a client YAML file)
 *   %grid local 4                     start one member inside this kernel and attach to it
 *   %grid                             members, queued and running invocations, studies under way
 *   %grid off                         detach (and close the connection); studies run embedded again
 * </pre>
 */
final class GridMagic {
    String run(List<String> args) {
        String[] words = args == null ? new String[0]
                : String.join(" ", args).trim().split("\\s+");
        String command = words.length == 0 || words[0].isEmpty() ? "status" : words[0];
        try {
            return switch (command) {
                case "connect" -> {
                    if (words.length < 2) {
                        yield "usage: %grid connect CLUSTER@HOST:PORT[,HOST:PORT...] | client.yaml";
                    }
                    replace(Grid.connect(words[1]));
                    yield status();
                }
                case "local" -> {
                    replace(words.length > 1 ? Grid.embedded(Integer.parseInt(words[1])) : Grid.embedded());
                    yield status();
                }
                case "off" -> {
                    Runner previous = Runners.detach();
                    if (previous != null) {
                        previous.close();
                    }
                    yield "detached: study.run() runs on the embedded runner in this kernel";
                }
                case "status" -> status();
                default -> "unknown %grid command '" + command + "': use connect, local, off, or nothing for status";
            };
        } catch (RuntimeException e) {
            return "%grid " + command + " failed: " + e.getMessage()
                    + "\nIs a member running? Start one with grid/bin/qspace-member (see grid/README.md).";
        }
    }

    private static void replace(GridRunner runner) {
        Runner previous = Runners.detach();
        if (previous != null) {
            previous.close();
        }
        Runners.attach(runner);
    }

    static String status() {
        Runner attached = Runners.attached();
        if (!(attached instanceof GridRunner grid)) {
            return "not attached to a grid: study.run() runs on the embedded runner in this kernel"
                    + " (%grid connect CLUSTER@HOST:PORT to attach)";
        }
        HazelcastInstance hz = grid.hazelcast();
        List<String> lines = new ArrayList<>();
        lines.add("attached: " + grid.describe());
        lines.add("members (" + hz.getCluster().getMembers().size() + "):");
        for (Member m : hz.getCluster().getMembers()) {
            lines.add("  " + m.getAddress());
        }
        lines.add("queue: " + hz.getQueue(GridNames.HINTS).size() + " hints, "
                + hz.getMap(GridNames.STATE).size() + " invocations tracked");
        for (Object value : hz.getMap(GridNames.RUNS).values()) {
            if (value instanceof RunInfo run) {
                lines.add("  study " + run.study + ": " + run.terminal + "/" + run.planned + " done, "
                        + run.running + " running, " + run.failed + " failed" + (run.cancelled ? " (cancelled)" : ""));
            }
        }
        lines.addAll(shippedCode(grid.code().shipped(), grid.code().lastFailure()));
        return String.join("\n", lines);
    }

    /** Which of the notebook's classes went to the grid, with the hash of each class file as shipped. */
    static List<String> shippedCode(Map<String, CodeBundle> bundles, String lastFailure) {
        List<String> lines = new ArrayList<>();
        if (bundles.isEmpty()) {
            lines.add("code shipped: none yet (classes defined in cells ship when a study that uses them runs)");
        } else {
            lines.add("code shipped (" + bundles.size() + " bundle" + (bundles.size() == 1 ? "" : "s") + "):");
            for (Map.Entry<String, CodeBundle> b : new TreeMap<>(bundles).entrySet()) {
                lines.add("  bundle " + b.getKey() + ":");
                for (Map.Entry<String, byte[]> c : b.getValue().classes().entrySet()) {
                    lines.add("    " + c.getKey() + "  " + ContentHash.of(c.getValue()).substring(0, 12));
                }
            }
        }
        if (lastFailure != null) {
            lines.add("could not ship: " + lastFailure);
        }
        return lines;
    }
}
