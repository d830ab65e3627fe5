package io.qspace.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DSL imports every notebook wants, so no notebook needs a set-up cell.
 * JJava evaluates JJAVA_STARTUP_SCRIPT before it connects and a failing snippet there kills the kernel start,
 * and qsar-dsl grows packages over time: so each import is tried here and one that does not compile is skipped.
 */
public final class NotebookImports {

    /** Wanted packages; the ones missing from the class path of this kernel are left out at start. */
    public static final List<String> WANTED = java.util.stream.Stream.concat(
            io.qspace.DslImports.PACKAGES.stream(),
            java.util.stream.Stream.of("io.qspace.kernel", "io.qspace.grid", "org.knowm.xchart")).toList();

    /** Evaluates one snippet of Java in the notebook; throws when it does not compile. */
    @FunctionalInterface
    public interface Evaluator {
        Object eval(String code) throws Exception;
    }

    private final Evaluator evaluator;
    private final List<String> packages;
    private final List<String> imported = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    public NotebookImports(Evaluator evaluator) {
        this(evaluator, WANTED);
    }

    public NotebookImports(Evaluator evaluator, List<String> packages) {
        this.evaluator = evaluator;
        this.packages = List.copyOf(packages);
    }

    public void run() {
        for (String pkg : packages) {
            try {
                evaluator.eval("import " + pkg + ".*;");
                imported.add(pkg);
            } catch (Exception e) {
                skipped.add(pkg);
            }
        }
    }

    public List<String> imported() {
        return Collections.unmodifiableList(imported);
    }

    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }
}
