package io.qspace.run;

import io.qspace.plan.Plan;
import io.qspace.plan.StoreKeys;
import io.qspace.results.ResultRecord;
import io.qspace.results.Results;
import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which invocations a study visited and how each ended; at the end it compacts their one-row records into the
 * study's results table (one object, so loading results is one read however many models there are).
 */
public final class RunLedger {
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    public record Entry(String id, String kind, InvocationExecutor.Status status) {}

    public void add(InvocationExecutor.Outcome outcome) {
        entries.add(new Entry(outcome.invocation().id(), outcome.invocation().kind(), outcome.status()));
    }

    public void add(Entry entry) {
        entries.add(entry);
    }

    public Results compact(ObjectStore store, Plan plan, Progress progress) {
        List<Entry> rows = entries.stream()
                .filter(e -> e.status() == InvocationExecutor.Status.FAILED || e.kind().equals("test"))
                .sorted(Comparator.comparing(Entry::id)).toList();
        List<String> lines = rows.parallelStream().map(e -> recordRow(store, e)).filter(Objects::nonNull).toList();
        StringBuilder csv = new StringBuilder(ResultRecord.header()).append('\n');
        lines.stream().sorted().forEach(line -> csv.append(line).append('\n'));
        String study = plan.study().name();
        try {
            store.put(StoreKeys.studyResults(study), csv.toString().getBytes(StandardCharsets.UTF_8));
            store.put(StoreKeys.studyManifest(study), manifest(plan, progress).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the results of study " + study + " to " + store.uri(), e);
        }
        return Results.load(store, study);
    }

    private static String recordRow(ObjectStore store, Entry e) {
        String key = e.status() == InvocationExecutor.Status.FAILED ? StoreKeys.failure(e.id()) : StoreKeys.record(e.id());
        String text = new String(store.require(key), StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String row = text.substring(newline + 1).strip();
        return row.isEmpty() ? null : row;
    }

    private String manifest(Plan plan, Progress progress) {
        List<String> lines = new ArrayList<>();
        lines.add("study=" + plan.study().name());
        lines.add("seed=" + plan.study().seed());
        lines.add("datasets=" + plan.datasets().size());
        lines.add("skipped_datasets=" + plan.skipped().size());
        lines.add("invocations=" + progress.finished());
        lines.add("executed=" + progress.executed());
        lines.add("reused=" + progress.reused());
        lines.add("failed=" + progress.failed());
        lines.add("seconds=" + progress.elapsed().toMillis() / 1000.0);
        lines.add("qspace_version=" + io.qspace.results.StoredModel.currentVersion());
        return String.join("\n", lines) + "\n";
    }
}
