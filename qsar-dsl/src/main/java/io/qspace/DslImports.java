package io.qspace;

import java.util.List;

/** The packages a study script or notebook starts with, imported for the chemist: one list for both. */
public final class DslImports {
    private DslImports() {}

    public static final List<String> PACKAGES = List.of(
            "io.qspace", "io.qspace.data", "io.qspace.split", "io.qspace.chem", "io.qspace.select",
            "io.qspace.model", "io.qspace.validate", "io.qspace.results", "io.qspace.predict", "io.qspace.run", "tech.tablesaw.api");
}
