package io.qspace.run;

/**
 * Where {@code study.run()} runs when the call names no runner: the embedded default, or a runner the notebook
 * attached to (the {@code %grid} magic sets one), so the same study cell runs locally or on a grid unchanged. The
 * choice is visible: {@link #current()} says which, and a printed plan names it.
 */
public final class Runners {
    private static final Runner EMBEDDED = new EmbeddedRunner();
    private static volatile Runner attached;

    private Runners() {}

    /** From now on, {@code study.run()} runs on this runner (it stays open; detach to go back to embedded). */
    public static void attach(Runner runner) {
        attached = runner;
    }

    /** Back to the embedded default; returns the runner that was attached (to close it), or null. */
    public static Runner detach() {
        Runner previous = attached;
        attached = null;
        return previous;
    }

    /**
     * A runner by address: "embedded" for this JVM's slots, else a grid's ("lab@10.0.0.5:5701", or a client YAML
     * file), opened by the grid module when it is on the class path.
     */
    public static Runner open(String address) {
        if (address == null || address.isBlank() || address.equals("embedded")) {
            return new EmbeddedRunner();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (RunnerProvider provider : java.util.ServiceLoader.load(RunnerProvider.class,
                loader == null ? Runners.class.getClassLoader() : loader)) {
            return provider.open(address);
        }
        throw new IllegalStateException("cannot run on '" + address + "': no grid on the class path. Add the grid "
                + "module's jars (qsar-dsl/bin/qspace and the notebook kernel have them; elsewhere add "
                + "io.qspace:grid), or run embedded");
    }

    /** The attached runner, or null when studies run embedded. */
    public static Runner attached() {
        return attached;
    }

    /** The runner {@code study.run()} uses now: the attached one, else the shared embedded default (4 slots). */
    public static Runner current() {
        Runner r = attached;
        return r != null ? r : EMBEDDED;
    }

    /** e.g. "embedded, 4 slots (default)" or "grid lab@10.0.0.5:5701, 3 member(s) (attached)". */
    public static String describeCurrent() {
        Runner r = attached;
        return r != null ? r.describe() + " (attached)" : EMBEDDED.describe() + " (default)";
    }
}
