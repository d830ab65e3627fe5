package io.qspace.run;

import io.qspace.plan.Plan;
import io.qspace.store.StoreKeys;
import io.qspace.results.RecordCompactor;
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
 * Which invocations a study run visited and how each ended; at the end it compacts their one-row records into the
 * run's results table (one object, so loading results is one read however many models there are), next to the
 * run's manifest, and copies the table to the study's latest results.
 */
public final class RunLedger {
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /**
     * @param yieldsResult whether a success of this invocation wrote a result record (see Task#yieldsResult)
     * @param coordinates  dataset, feature set, builder: a failure is reported even when its record is unreadable
     */
    public record Entry(String id, boolean yieldsResult, InvocationStatus status, Map<String, String> coordinates,
                        String error) {
        public Entry {
            coordinates = coordinates == null ? Map.of() : coordinates;
            error = error == null ? "" : error;
        }
    }

    /** Whether a run's results table is in the store: written once, by whoever ended the run. */
    public static boolean written(ObjectStore store, String study, String runId) {
        try {
            return store.exists(StoreKeys.runResults(study, runId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(InvocationExecutor.Outcome outcome) {
        entries.add(new Entry(outcome.invocation().id(), outcome.invocation().task().yieldsResult(),
                outcome.status(), outcome.invocation().coordinates(), outcome.error()));
    }

    public void add(Entry entry) {
        entries.add(entry);
    }

    public Results compact(ObjectStore store, Plan plan, String runId, Progress progress) {
        Map<String, String> manifest = new LinkedHashMap<>(plan.manifest());
        return compact(store, plan.name(), manifest, runId, progress);
    }

    /** Writes the run's results as {@link #write} does and reads them back for the caller. */
    public Results compact(ObjectStore store, String study, Map<String, String> manifest, String runId,
                           Progress progress) {
        write(store, study, manifest, runId, progress);
        return Results.load(store, study, runId);
    }

    /**
     * Writes the run's table, manifest and the study's latest table: needs only the study's name and manifest, so a
     * grid member can end a run whose client is gone (its clients read the results, the member need not).
     */
    public void write(ObjectStore store, String study, Map<String, String> manifest, String runId,
                      Progress progress) {
        // an invocation retried on a grid may be in the ledger twice: one row per invocation, the last word wins
        Map<String, Entry> last = new LinkedHashMap<>();
        entries.stream().filter(e -> e.status() == InvocationStatus.FAILED || e.yieldsResult())
                .sorted(Comparator.comparing(Entry::id)).forEach(e -> last.put(e.id(), e));
        List<Entry> rows = new ArrayList<>(last.values());
        List<String> keys = rows.stream().map(RunLedger::recordKey).toList();
        Map<String, Optional<String>> read = new RecordCompactor(store).rows(keys);
        List<String> lines = new ArrayList<>();
        for (Entry e : rows) {
            Optional<String> row = read.get(recordKey(e));
            if (row.isPresent()) {
                lines.add(row.get());
            } else if (e.status() == InvocationStatus.FAILED) {
                // the store refused the failure record too: the ledger still knows what failed and why
                lines.add(FailureRecords.row(e.coordinates(), e.id(), e.error()));
            } else {
                throw new IllegalStateException("no result record '" + recordKey(e) + "' in store " + store.uri()
                        + " although invocation " + e.id() + " finished: was it deleted?");
            }
        }
        try {
            byte[] table = RecordCompactor.table(lines).getBytes(StandardCharsets.UTF_8);
            // the manifest first: a run's table is what marks it finished (Results.runs), so no reader sees a
            // finished run without the manifest that says, among others, how its models were chosen
            store.put(StoreKeys.runManifest(study, runId),
                    RunManifest.text(study, manifest, runId, progress).getBytes(StandardCharsets.UTF_8));
            store.put(StoreKeys.runResults(study, runId), table);
            store.put(StoreKeys.studyResults(study), table);  // the latest run's table, for readers of one file
        } catch (IOException e) {
            throw new UncheckedIOException("writing the results of study " + study + " to " + store.uri(), e);
        }
    }

    private static String recordKey(Entry e) {
        return e.status() == InvocationStatus.FAILED ? StoreKeys.failure(e.id()) : StoreKeys.record(e.id());
    }
}
