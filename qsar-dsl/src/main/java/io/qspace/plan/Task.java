package io.qspace.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one invocation does: several blocks run in one place (the paper's workflow), the unit of scheduling.
 *
 * <p>A task separates its identity (everything that determines its outputs, hashed into the invocation id, so the
 * same inputs find the same stored outputs) from its continuation (what it passes on to its children, e.g. the list
 * of builders to try on each feature set). That split is what lets a study with one more builder reuse every stored
 * preparation: the prepare step's identity does not include the builders.
 */
public interface Task extends Serializable {
    /** "prepare", "build", "test", ... */
    String kind();

    /** Everything that determines this task's outputs, as stable text. */
    String identity();

    /** Short human-readable description, e.g. "build CHEMBL204_Ki / top20-correlated / rf". */
    String label();

    /** Where this task sits in the study, for result rows and failure reports: dataset, feature_set, builder. */
    Map<String, String> coordinates();

    /** Runs the blocks and writes every output to the store. Must be harmless to repeat. */
    void run(TaskContext context) throws Exception;

    /** The invocations that follow this one, computed from its stored outputs (also when they were reused). */
    List<Invocation> children(TaskContext context) throws Exception;

    /**
     * The invocations that follow this one when it failed (after its failure record is written): none, except for a
     * task a join waits on, which must still say that it ended (see {@link ConsensusJoin}).
     */
    default List<Invocation> afterFailure(TaskContext context) throws Exception {
        return List.of();
    }

    /**
     * Whether the task's outputs are stored and found again (a done marker in the store). Tasks with no outputs,
     * such as the benchmark's sleeps, say false and cost no store traffic.
     */
    default boolean reusable() {
        return true;
    }

    /** Whether a success writes a result record ({@link io.qspace.store.StoreKeys#record}): a row of the study's results table. */
    default boolean yieldsResult() {
        return false;
    }

    /** How many invocations this task's subtree will have in all, counting itself, as far as it can tell up front. */
    default int expectedSubtreeSize() {
        return 1;
    }
}
