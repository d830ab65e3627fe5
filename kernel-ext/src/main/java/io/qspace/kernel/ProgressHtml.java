package io.qspace.kernel;

import io.qspace.run.Progress;

/** A study's counters as a small HTML progress bar; plain HTML and inline styles so it survives nbconvert. */
public final class ProgressHtml {

    public String render(Progress progress, boolean done) {
        int percent = (int) Math.round(100 * progress.fraction());
        String colour = progress.failed() > 0 ? "#d9822b" : done ? "#2e8b57" : "#3c78d8";
        return "<div class=\"qspace-progress\" style=\"font-family:sans-serif;font-size:12px;max-width:640px\">"
                + "<div style=\"background:#e6e6e6;border-radius:3px;height:14px;overflow:hidden\">"
                + "<div style=\"background:" + colour + ";width:" + percent + "%;height:14px\"></div></div>"
                + "<div>" + Html.escape(progress.line()) + (done ? " - done" : "") + "</div></div>";
    }
}
