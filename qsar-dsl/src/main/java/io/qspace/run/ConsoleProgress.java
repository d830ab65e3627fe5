package io.qspace.run;

import java.io.PrintStream;

/**
 * Plain progress lines, for terminals and for papermill, where nothing can be updated in place: a line every
 * ten percent or every ten seconds, whichever comes first, and one at the end.
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private long lastPrinted;
    private long lastTenth = -1;

    public ConsoleProgress() {
        this(System.out);
    }

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(Progress progress) {
        long now = System.nanoTime();
        long tenth = Math.round(Math.floor(progress.fraction() * 10));
        if (tenth != lastTenth || now - lastPrinted > 10_000_000_000L) {
            lastTenth = tenth;
            lastPrinted = now;
            out.println(progress.line());
            out.flush();
        }
    }

    @Override
    public synchronized void finished(Progress progress) {
        out.println(progress.line() + " - done");
        out.flush();
    }
}
