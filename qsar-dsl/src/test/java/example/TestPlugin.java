package example;

import io.qspace.Plugin;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import java.util.Map;

/** A plug-in as a jar would ship it: one selector, the first three candidate columns. */
public class TestPlugin implements Plugin {
    @Override
    public String name() {
        return "test-plugin";
    }

    @Override
    public Map<String, Selector> selectors() {
        return Map.of("first3", Selectors.of("first3", (x, y, seed) -> new int[] {0, 1, 2}));
    }
}
