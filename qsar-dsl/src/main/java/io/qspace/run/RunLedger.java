package io.qspace.run;

import io.qspace.plan.Plan;
import io.qspace.plan.StoreKeys;
import io.qspace.results.RecordCompactor;
import io.qspace.results.ResultRecord;
import io.qspace.results.Results;
import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which invocations a study visited and how each ended; at the end it compacts their one-row records into the
 * study's results table (one object, so loading results is one read however many models there are).
 */
public final class RunLedger {
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /** coordinates and error let a failure be reported even when its record could not be written. */
    public record Entry(String id, String kind, InvocationExecutor.Status status, Map<String, String> coordinates,
                        String error) {
        public Entry(String id, String kind, InvocationExecutor.Status status) {
            this(id, kind, status, Map.of(), "");
        }
    }

    public void add(InvocationExecutor.Outcome outcome) {
        entries.add(new Entry(outcome.invocation().id(), outcome.invocation().kind(), outcome.status(),
                outcome.invocation().coordinates(), outcome.error() == null ? "" : outcome.error()));
    }

    public void add(Entry entry) {
        entries.add(entry);
    }

    public Results compact(ObjectStore store, Plan plan, Progress progress) {
        // an invocation retried on a grid may be in the ledger twice: one row per invocation, the last word wins
        Map<String, Entry> last = new LinkedHashMap<>();
        entries.stream().filter(e -> e.status() == InvocationExecutor.Status.FAILED || e.kind().equals("test"))
                .sorted(Comparator.comparing(Entry::id)).forEach(e -> last.put(e.id(), e));
        List<Entry> rows = new ArrayList<>(last.values());
        List<String> keys = rows.stream().map(RunLedger::recordKey).toList();
        Map<String, Optional<String>> read = new RecordCompactor(store).rows(keys);
        List<String> lines = new ArrayList<>();
        for (Entry e : rows) {
            Optional<String> row = read.get(recordKey(e));
            if (row.isPresent()) {
                lines.add(row.get());
            } else if (e.status() == InvocationExecutor.Status.FAILED) {
                // the store refused the failure record too: the ledger still knows what failed and why
                lines.add(ResultRecord.failure(e.coordinates(), e.id(), e.error()).toCsvRow());
            } else {
                throw new IllegalStateException("no result record '" + recordKey(e) + "' in store " + store.uri()
                        + " although invocation " + e.id() + " finished: was it deleted?");
            }
        }
        String study = plan.study().name();
        try {
            store.put(StoreKeys.studyResults(study), RecordCompactor.table(lines).getBytes(StandardCharsets.UTF_8));
            store.put(StoreKeys.studyManifest(study),
                    manifest(plan, progress).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the results of study " + study + " to " + store.uri(), e);
        }
        return Results.load(store, study);
    }

    private static String recordKey(Entry e) {
        return e.status() == InvocationExecutor.Status.FAILED ? StoreKeys.failure(e.id()) : StoreKeys.record(e.id());
    }

    /** How the run went and what the study was, so a store read years later still says what its tables mean. */
    static String manifest(Plan plan, Progress progress) {
        var study = plan.study();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("study", study.name());
        p.put("seed", Long.toString(study.seed()));
        p.put("datasets", Integer.toString(plan.datasets().size()));
        p.put("dataset_names", String.join(",", plan.datasets().stream().map(d -> d.name()).toList()));
        p.put("skipped_datasets", Integer.toString(plan.skipped().size()));
        p.put("split", study.split().describe());
        p.put("descriptors", study.descriptors().describe());
        p.put("filters", study.filters().describe());
        p.put("selectors", String.join(", ",
                study.featureSetSelectors().stream().map(io.qspace.select.Selector::name).toList()));
        p.put("builders", String.join(", ", study.builders().stream().map(Object::toString).toList()));
        p.put("validation", study.validation().describe());
        p.put("description", study.toString());
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
