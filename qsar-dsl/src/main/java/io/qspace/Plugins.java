package io.qspace;

import io.qspace.chem.DescriptorSet;
import io.qspace.model.ModelBuilder;
import io.qspace.select.Filters;
import io.qspace.select.Selector;
import io.qspace.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/** Components from plug-in jars by name: {@code Plugins.selector("acme-spread")}. */
public final class Plugins {
    private Plugins() {}

    /** The plug-ins on this thread's class path (a notebook's, after %jars, included). */
    public static List<Plugin> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class, loader == null ? Plugins.class.getClassLoader() : loader)
                .forEach(plugins::add);
        return plugins;
    }

    public static DescriptorSet descriptorSet(String name) {
        return find("descriptor set", name, Plugin::descriptorSets);
    }

    public static Filters filters(String name) {
        return find("filters", name, Plugin::filters);
    }

    public static Selector selector(String name) {
        return find("selector", name, Plugin::selectors);
    }

    public static ModelBuilder builder(String name) {
        return find("builder", name, Plugin::builders);
    }

    public static Split split(String name) {
        return find("split", name, Plugin::splits);
    }

    private static <T> T find(String kind, String name, Function<Plugin, Map<String, T>> components) {
        TreeSet<String> known = new TreeSet<>();
        List<Plugin> plugins = all();
        for (Plugin p : plugins) {
            T found = components.apply(p).get(name);
            if (found != null) {
                return found;
            }
            components.apply(p).keySet().forEach(k -> known.add(k + " (" + p.name() + ")"));
        }
        throw new IllegalArgumentException("no plug-in offers a " + kind + " named '" + name + "'"
                + (plugins.isEmpty() ? ": no plug-in jar is on the class path (a jar lists its io.qspace.Plugin "
                + "implementation in META-INF/services/io.qspace.Plugin)" : "; " + kind + "s offered: " + known));
    }
}
