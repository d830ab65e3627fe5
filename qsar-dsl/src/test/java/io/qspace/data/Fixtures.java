package io.qspace.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the small input files under src/test/resources/bad-input. */
final class Fixtures {
    private Fixtures() {}

    static String badInput(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/bad-input/" + name).toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture bad-input/" + name, e);
        }
    }

    static Dataset only(DatasetSource.Loaded loaded) {
        if (loaded.datasets().size() != 1) {
            throw new AssertionError("expected one dataset, got " + loaded.datasets() + " skipped " + loaded.skipped());
        }
        return loaded.datasets().get(0);
    }
}
