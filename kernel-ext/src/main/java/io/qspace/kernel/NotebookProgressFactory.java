package io.qspace.kernel;

import io.qspace.run.ProgressListener;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import java.util.function.Supplier;

/**
 * Makes the progress listener of each study started in a cell (ProgressListener.defaultListener() is called on the
 * cell's thread). Whether to print plain lines too is decided per cell: an interactive front end (JupyterLab,
 * Notebook, VS Code) sends execute requests with stdin allowed, nbclient/papermill do not - and only the latter
 * want a log of lines under the bar.
 */
final class NotebookProgressFactory implements Supplier<ProgressListener> {

    private final BaseKernel kernel;

    NotebookProgressFactory(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public ProgressListener get() {
        if (!kernel.getIO().display.isAttached()) {
            // no cell is running (a study started from a background thread): plain lines are all there is
            return new io.qspace.run.ConsoleProgress();
        }
        return new NotebookProgress(kernel.getIO().display, !interactive());
    }

    private boolean interactive() {
        return kernel.getIO().in instanceof JupyterInputStream in && in.isEnabled();
    }
}
