package io.qspace.run;

import java.time.Duration;

/**
 * A study's counters: all the status traffic there is by default (per-invocation detail is opt-in).
 *
 * @param planned  invocations the study will have in all, as far as known (exact once every prepare step ran)
 * @param executed invocations that ran here; reused ones found their outputs already stored
 */
public record Progress(String study, int planned, int queued, int running, int executed, int reused, int failed,
                       Duration elapsed) {

    public int finished() {
        return executed + reused + failed;
    }

    public double fraction() {
        return planned == 0 ? 1.0 : Math.min(1.0, finished() / (double) planned);
    }

    /** Remaining time from the pace so far, or null before there is a pace to go by. */
    public Duration eta() {
        if (executed == 0 || finished() == 0 || fraction() >= 1.0) {
            return null;
        }
        double perInvocation = elapsed.toMillis() / (double) finished();
        return Duration.ofMillis((long) (perInvocation * (planned - finished())));
    }

    /** One line, e.g. "kinase: 45/291 (15%), 4 running, 12 reused, 0 failed, 1m03s, about 5m12s left". */
    public String line() {
        StringBuilder s = new StringBuilder();
        s.append(study).append(": ").append(finished()).append('/').append(planned)
                .append(" invocations (").append(Math.round(100 * fraction())).append("%), ")
                .append(running).append(" running, ").append(reused).append(" reused, ")
                .append(failed).append(" failed, ").append(format(elapsed));
        Duration eta = eta();
        if (eta != null) {
            s.append(", about ").append(format(eta)).append(" left");
        }
        return s.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
