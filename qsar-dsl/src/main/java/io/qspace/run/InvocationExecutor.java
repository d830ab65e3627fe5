package io.qspace.run;

import io.qspace.code.RunCode;
import io.qspace.plan.Invocation;
import io.qspace.plan.InvocationSeeds;
import io.qspace.store.StoreKeys;
import io.qspace.plan.TaskContext;
import io.qspace.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs one invocation wherever it is scheduled, the same way on every runner: reuse its stored outputs when its
 * done marker exists, otherwise run it and write the marker last; then expand its children from the stored
 * outputs. A failure becomes a record with its error instead of an exception, so the rest of the study goes on.
 */
public final class InvocationExecutor {
    private final ObjectStore store;
    private final ExecutorService computePool;

    public InvocationExecutor(ObjectStore store, ExecutorService computePool) {
        this.store = store;
        this.computePool = computePool;
    }

    /** What became of one invocation. */
    public record Outcome(Invocation invocation, InvocationStatus status, List<Invocation> children, String error) {}

    public Outcome execute(Invocation invocation, BooleanSupplier cancelled) {
        return execute(invocation, RunCode.NONE, cancelled);
    }

    /**
     * @param code the run-time code the invocation carries: objects the task reads back from the store (outcomes,
     *             models holding a notebook's builder) resolve their classes through its loader, and the done
     *             marker names its bundle
     */
    public Outcome execute(Invocation invocation, RunCode code, BooleanSupplier cancelled) {
        if (code.loader() == null) {
            return executeHere(invocation, code, cancelled);
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(code.loader());
        try {
            return executeHere(invocation, code, cancelled);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private Outcome executeHere(Invocation invocation, RunCode code, BooleanSupplier cancelled) {
        TaskContext context = new TaskContext(store, computePool, InvocationSeeds.of(invocation.task()), cancelled);
        try {
            boolean durable = invocation.task().reusable();
            boolean reused = durable && store.exists(StoreKeys.done(invocation.id()));
            if (!reused) {
                invocation.task().run(context);
                if (durable) {
                    store.put(StoreKeys.done(invocation.id()),
                            ("finished " + Instant.now() + "\n" + code.doneMarkerLine()).getBytes(StandardCharsets.UTF_8));
                    store.delete(StoreKeys.failure(invocation.id()));
                }
            }
            List<Invocation> children = invocation.task().children(context);
            return new Outcome(invocation, reused ? InvocationStatus.REUSED : InvocationStatus.EXECUTED, children, "");
        } catch (CancellationException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // a class missing or mismatched on this machine fails this invocation, never the slot running it
            String error = describe(e);
            FailureRecords.write(store, invocation.coordinates(), invocation.id(), error);
            return new Outcome(invocation, InvocationStatus.FAILED, afterFailure(invocation, context), error);
        }
    }

    /** What follows a failure (a join that was waiting on it); a failure here too leaves the study as it was. */
    private static List<Invocation> afterFailure(Invocation invocation, TaskContext context) {
        try {
            return invocation.task().afterFailure(context);
        } catch (Exception | LinkageError e) {
            return List.of();
        }
    }

    /** The message a chemist can act on first, then where it came from. */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length > 0 ? " (" + e.getClass().getSimpleName() + " at " + trace[0] + ")" : "";
        return message + where;
    }
}
