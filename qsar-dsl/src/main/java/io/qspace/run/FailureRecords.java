package io.qspace.run;

import io.qspace.store.StoreKeys;
import io.qspace.results.ResultRecord;
import io.qspace.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer of failure records, wherever an invocation failed (in a slot, refused by a member, lost with its
 * member): a failed invocation gets a row in the results with its coordinates and reason.
 */
public final class FailureRecords {
    private static final Logger LOG = Logger.getLogger(FailureRecords.class.getName());

    private FailureRecords() {}

    /** Writes the record; a store that refuses it is logged, since the ledger still knows what failed and why. */
    public static void write(ObjectStore store, Map<String, String> coordinates, String invocationId, String error) {
        try {
            store.put(StoreKeys.failure(invocationId), ResultRecord.failure(coordinates, invocationId, error).toCsv()
                    .getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot record the failure of " + invocationId + " in " + store.uri(), e);
        }
    }

    /** The row of a failure whose record could not be read back: the ledger's own knowledge. */
    public static String row(Map<String, String> coordinates, String invocationId, String error) {
        return ResultRecord.failure(coordinates, invocationId, error).toCsvRow();
    }
}
