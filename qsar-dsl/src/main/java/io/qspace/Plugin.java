package io.qspace;

import io.qspace.chem.DescriptorSet;
import io.qspace.model.ModelBuilder;
import io.qspace.select.Filters;
import io.qspace.select.Selector;
import io.qspace.split.Split;
import java.util.Map;

/**
 * Components a jar adds to qspace, found through {@link java.util.ServiceLoader}: the jar lists its implementation
 * in {@code META-INF/services/io.qspace.Plugin}, and studies use its components by name through {@link Plugins}.
 * Components are identified by their class files, so a new version of the jar re-runs what its changed components
 * computed. On a grid, put the jar on the members' class path too (QSPACE_CLASSPATH of grid/bin/qspace-member):
 * jars are libraries, which do not ship; what ships is code written in cells, scripts and programs.
 */
public interface Plugin {
    /** Short name for messages, e.g. "acme-descriptors". */
    String name();

    default Map<String, DescriptorSet> descriptorSets() {
        return Map.of();
    }

    default Map<String, Filters> filters() {
        return Map.of();
    }

    default Map<String, Selector> selectors() {
        return Map.of();
    }

    default Map<String, ModelBuilder> builders() {
        return Map.of();
    }

    default Map<String, Split> splits() {
        return Map.of();
    }
}
