package io.qspace.grid;

import java.util.Arrays;
import java.util.List;

/**
 * What a member accepts: work signed with the grid's key (see {@link GridKey}) naming a store it is allowed to open
 * (qspace.stores: URI prefixes, comma-separated; empty allows any). Checked before a run's store is opened or an
 * invocation's code is read, so refused work loads nothing.
 */
final class MemberTrust {
    private static volatile MemberTrust current = new MemberTrust(GridKey.fromEnvironment(), "");
    private final GridKey key;
    private final List<String> allowedStores;

    MemberTrust(GridKey key, String allowedStores) {
        this.key = key;
        this.allowedStores = allowedStores == null || allowedStores.isBlank() ? List.of()
                : Arrays.stream(allowedStores.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The trust of the members in this JVM (set when a member starts; store probes run without a member handle). */
    static MemberTrust current() {
        return current;
    }

    static void install(MemberTrust trust) {
        current = trust;
    }

    GridKey key() {
        return key;
    }

    /** Why a store may not be opened here, or null. */
    String refusalOfStore(String uri) {
        if (allowedStores.isEmpty() || allowedStores.stream().anyMatch(uri::startsWith)) {
            return null;
        }
        return "the store " + uri + " is not one this grid's members may open (qspace.stores: " + allowedStores + ")";
    }

    static String signRun(GridKey key, RunInfo info) {
        return key.sign(signed(info));
    }

    static String signInvocation(GridKey key, InvState s) {
        return key.sign(signed(s));
    }

    /** The fields of a run that its signature covers: what members act on. */
    private static String[] signed(RunInfo info) {
        return new String[] {"run", info.runId, info.study, info.storeUri, Integer.toString(info.maxAttempts),
                Long.toString(info.timeLimitMillis)};
    }

    /** The fields of an invocation that its signature covers, its payload by digest. */
    private static String[] signed(InvState s) {
        return new String[] {"invocation", s.runId, s.invocationId, s.code, GridKey.digest(s.payload)};
    }

    /** Why a run may not run here (unsigned, signed with another key, a store not allowed), or null. */
    String refusal(RunInfo info) {
        if (!key.verifies(info.signature, signed(info))) {
            return unsigned("run " + info.runId);
        }
        return refusalOfStore(info.storeUri);
    }

    String refusal(InvState s) {
        if (!key.verifies(s.signature, signed(s))) {
            return unsigned("invocation " + s.invocationId);
        }
        return null;
    }

    private static String unsigned(String what) {
        return what + " refused: it is not signed with this grid's key, so none of its code was loaded. Give the "
                + "client the members' key (QSPACE_GRID_KEY or QSPACE_GRID_KEY_FILE)";
    }
}
