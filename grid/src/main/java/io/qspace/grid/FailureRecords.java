package io.qspace.grid;

import io.qspace.plan.StoreKeys;
import io.qspace.results.ResultRecord;
import io.qspace.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failure records for invocations that failed outside the executor (refused, unreadable, their member died too
 * often): the results need a row for every failed invocation, wherever it failed.
 */
final class FailureRecords {
    private static final Logger LOG = Logger.getLogger(FailureRecords.class.getName());

    private FailureRecords() {}

    static void write(ObjectStore store, String study, String invocationId, String error) {
        try {
            store.put(StoreKeys.failure(invocationId), ResultRecord.failure(Map.of("dataset", study), invocationId,
                    error).toCsv().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot record the failure of " + invocationId + " in " + store.uri(), e);
        }
    }
}
