package io.qspace.run;

import io.qspace.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a run went and what the study was, so a store read years later still says what its tables mean. */
final class RunManifest {
    private RunManifest() {}

    static String text(Plan plan, String runId, Progress progress) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("study", plan.name());
        p.put("run", runId);
        p.putAll(plan.manifest());
        p.put("invocations", Integer.toString(progress.finished()));
        p.put("executed", Integer.toString(progress.executed()));
        p.put("reused", Integer.toString(progress.reused()));
        p.put("failed", Integer.toString(progress.failed()));
        p.put("seconds", Double.toString(progress.elapsed().toMillis() / 1000.0));
        p.put("qspace_version", io.qspace.results.StoredModel.currentVersion());
        StringBuilder out = new StringBuilder();
        p.forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
        return out.toString();
    }

    /** java.util.Properties escapes, by hand so that the keys keep their order and no date comment is added. */
    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (i == 0 && c == ' ') {
                        s.append("\\ ");
                    } else if (c > 0x7e) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
