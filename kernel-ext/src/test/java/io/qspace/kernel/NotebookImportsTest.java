package io.qspace.kernel;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Against a real JShell, the engine JJava runs notebook code in. */
class NotebookImportsTest {

    @Test
    void skipsPackagesThatDoNotExistAndKeepsTheRest() {
        try (JShell shell = JShell.create()) {
            NotebookImports.Evaluator eval = code -> {
                for (SnippetEvent e : shell.eval(code)) {
                    if (e.status() == Snippet.Status.REJECTED) throw new IllegalStateException("rejected: " + code);
                }
                return null;
            };
            NotebookImports imports = new NotebookImports(eval,
                    List.of("java.util.concurrent", "io.qspace.no.such.pkg", "java.util.function"));
            imports.run();
            assertEquals(List.of("java.util.concurrent", "java.util.function"), imports.imported());
            assertEquals(List.of("io.qspace.no.such.pkg"), imports.skipped());
            // the imports that worked are in effect in the shell
            assertEquals(Snippet.Status.VALID, shell.eval("Supplier<ConcurrentHashMap<String,String>> s = ConcurrentHashMap::new;").get(0).status());
        }
    }
}
