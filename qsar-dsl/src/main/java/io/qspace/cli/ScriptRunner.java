package io.qspace.cli;

import java.io.PrintStream;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a study written as a JShell script (Java snippets, the DSL's imports preloaded) in this JVM, stopping at the
 * first snippet that does not compile or throws, with its line number.
 */
public final class ScriptRunner {

    private final PrintStream out;
    private final PrintStream err;

    public ScriptRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return true when every snippet ran */
    public boolean run(String source, String fileName) {
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(err).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String pkg : io.qspace.DslImports.PACKAGES) {
                if (!eval(shell, "import " + pkg + ".*;", fileName, 0)) {
                    return false;
                }
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = source;
            int consumed = 0;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                String snippet = info.source();
                if (snippet == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                    err.println(fileName + ", line " + line(source, consumed) + ": incomplete statement at end of script");
                    return false;
                }
                int offset = consumed + leadingOffset(remaining, snippet);
                if (!eval(shell, snippet, fileName, line(source, offset))) {
                    return false;
                }
                consumed += remaining.length() - info.remaining().length();
                remaining = info.remaining();
            }
            return true;
        }
    }

    private boolean eval(JShell shell, String snippet, String fileName, int line) {
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(event.snippet()).map(Diag::toString).findFirst().orElse("rejected");
                String message = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).findFirst()
                        .orElse(why);
                err.println(fileName + ", line " + line + ": does not compile: " + message);
                return false;
            }
            if (event.exception() != null) {
                Throwable e = event.exception();
                String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
                err.println(fileName + ", line " + line + ": " + type + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static int leadingOffset(String remaining, String snippet) {
        String first = snippet.strip();
        int at = first.isEmpty() ? -1 : remaining.indexOf(first.substring(0, Math.min(first.length(), 20)));
        return Math.max(at, 0);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
