package io.qspace.kernel;

import io.qspace.run.ConsoleProgress;
import io.qspace.run.Progress;
import io.qspace.run.ProgressListener;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * Progress of one study in a notebook cell: one display (an HTML bar with a text/plain line) that is replaced in
 * place through update_display_data, so a long study adds one output, not hundreds. A front end that cannot show
 * live updates (papermill, nbconvert) still keeps the final bar; with {@code lines} the plain lines of
 * {@link ConsoleProgress} go to stdout as well, which is what a batch log wants.
 *
 * <p>Updates come from the study's slot threads; they are serialised here because the kernel's output socket
 * is not meant for concurrent senders. The cell may end (or be interrupted) while a slot still reports: from then
 * on updates are dropped rather than written into whatever cell runs next.
 */
final class NotebookProgress implements ProgressListener {

    /** At most this often, so a study of thousands of quick invocations does not flood the front end. */
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final DisplayStream display;
    private final ProgressListener lines;
    private final ProgressHtml html = new ProgressHtml();
    private final String id = "qspace-progress-" + UUID.randomUUID();
    private boolean shown;
    private boolean closed;
    private long lastUpdate;

    NotebookProgress(DisplayStream display, boolean lines) {
        this.display = display;
        this.lines = lines ? new ConsoleProgress(System.out) : ProgressListener.none();
    }

    @Override
    public synchronized void update(Progress progress) {
        if (closed) return;
        lines.update(progress);
        long now = System.nanoTime();
        if (shown && now - lastUpdate < MIN_INTERVAL_NANOS) return;
        lastUpdate = now;
        publish(progress, false);
    }

    @Override
    public synchronized void finished(Progress progress) {
        if (closed) return;
        lines.finished(progress);
        publish(progress, true);
        closed = true;
    }

    private void publish(Progress progress, boolean done) {
        if (!display.isAttached()) {
            closed = true;
            return;
        }
        DisplayData data = new DisplayData(progress.line() + (done ? " - done" : ""));
        data.putHTML(html.render(progress, done));
        try {
            if (shown) {
                display.updateDisplay(id, data);
            } else {
                // transient data, not setDisplayId: its return type differs between JJava releases
                data.putTransientData("display_id", id);
                display.display(data);
                shown = true;
            }
        } catch (RuntimeException e) {
            // the cell ended under us: progress is a courtesy, never a reason for a study to fail
            closed = true;
        }
    }
}
