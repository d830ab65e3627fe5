package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtomContainer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Computes all components for one molecule at a time on a worker thread it owns, so a component that runs past
 * the time limit can be abandoned (Java cannot stop a thread; CDK code does not check for interrupts). The stuck
 * component gets NaN and a failure; the rest of the molecule continues on a fresh worker with fresh instances,
 * since the abandoned thread may still be using the old ones. Used by one thread at a time.
 */
final class GuardedCalculator implements AutoCloseable {
    /** CPU time of all worker threads so far, read by benchmarks through {@link Descriptors#workerCpuNanos()}. */
    static final LongAdder WORKER_CPU_NANOS = new LongAdder();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    // Deep recursion in some CDK searches on large molecules: a roomy stack makes StackOverflowError rarer.
    private static final long WORKER_STACK_BYTES = 16L << 20;
    /** Wall time allowed a component, in multiples of its CPU limit, before it is stopped all the same. */
    static final int WALL_FACTOR = 30;

    private final List<String> specs;
    private final long limitNanos;
    private final int width;
    private final int[] offsets;
    private MoleculeDescriptor[] parts;
    private ExecutorService worker;

    GuardedCalculator(List<String> specs, long limitMillis) {
        this.specs = specs;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.parts = Components.createAll(specs);
        this.offsets = new int[parts.length + 1];
        for (int i = 0; i < parts.length; i++) offsets[i + 1] = offsets[i] + parts[i].columns().length;
        this.width = offsets[parts.length];
        this.worker = newWorker();
    }

    int width() { return width; }

    /** Values for one molecule; failures for this row are added to {@code failures}. Never throws for the molecule. */
    double[] row(int row, String smiles, List<DescriptorMatrix.Failure> failures) {
        double[] out = new double[width];
        Arrays.fill(out, Double.NaN);
        int from = 0;
        do { // at least once: a set without columns still reports SMILES that do not parse
            Job job = new Job(row, smiles, from, parts, out);
            Future<?> future = worker.submit(job);
            from = waitFor(job, future, failures);
        } while (from < parts.length);
        return out;
    }

    /**
     * Returns the index of the next component still to compute (parts.length when done). A component is stopped
     * when it has used the limit in CPU time, not wall time: on a busy machine (four slots, a grid member sharing
     * its cores) waiting for a core must not turn a value into NaN, or the same study would give other numbers
     * under load. A component that uses no CPU and never returns is stopped after {@value #WALL_FACTOR} times the
     * limit of wall time.
     */
    private int waitFor(Job job, Future<?> future, List<DescriptorMatrix.Failure> failures) {
        long poll = Math.max(1, Math.min(limitNanos / 4, TimeUnit.MILLISECONDS.toNanos(100)));
        while (true) {
            try {
                future.get(poll, TimeUnit.NANOSECONDS);
                synchronized (job) { failures.addAll(job.failures); }
                return parts.length;
            } catch (TimeoutException e) {
                if (!job.overLimit(limitNanos)) {
                    continue; // re-check against the component running now
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("descriptor calculation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("descriptor worker failed outside a component", e.getCause());
            }
            int stuck;
            synchronized (job) {
                if (future.isDone()) { failures.addAll(job.failures); return parts.length; }
                job.abandoned = true;
                stuck = job.current;
                failures.addAll(job.failures);
            }
            worker.shutdownNow();
            worker = newWorker();
            parts = Components.createAll(specs);
            String what = stuck < 0 ? "SMILES" : parts[stuck].name();
            failures.add(new DescriptorMatrix.Failure(job.row, what,
                    "time limit of " + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms of CPU exceeded"));
            if (stuck < 0) return parts.length; // parsing itself hung: the whole row stays NaN
            return stuck + 1;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "qspace-descriptor-worker", WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdown();
    }

    /** One molecule's components from {@code from} on; writes results only while not abandoned. */
    private final class Job implements Runnable {
        final int row;
        final String smiles;
        final int from;
        final MoleculeDescriptor[] parts;
        final double[] out;
        final List<DescriptorMatrix.Failure> failures = new java.util.ArrayList<>();
        volatile int current = -1;
        volatile long startedAt = System.nanoTime();
        volatile long threadId = -1;
        volatile long cpuStartedAt;
        boolean abandoned; // guarded by this

        Job(int row, String smiles, int from, MoleculeDescriptor[] parts, double[] out) {
            this.row = row;
            this.smiles = smiles;
            this.from = from;
            this.parts = parts;
            this.out = out;
        }

        /**
         * Whether the component running now has used its CPU limit (or far more than that in wall time). A job whose
         * worker has not started it yet has used no CPU: its wait for a core (a busy machine, a long collection)
         * counts only against the wall-time fallback, or a molecule would turn to NaN depending on the load.
         */
        boolean overLimit(long limitNanos) {
            long wall = System.nanoTime() - startedAt;
            if (wall > WALL_FACTOR * limitNanos) {
                return true;
            }
            long thread = threadId;
            if (thread < 0) {
                return false; // not started: nothing computed yet, so nothing over the CPU limit
            }
            long cpu = THREADS.getThreadCpuTime(thread);
            if (cpu < 0) {
                return wall > limitNanos; // no CPU clock here: wall time, as before
            }
            return cpu - cpuStartedAt > limitNanos;
        }

        @Override
        @SuppressWarnings("deprecation") // Thread.getId: Java 17 has no threadId()
        public void run() {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            // the start first: once threadId is seen, cpuStartedAt must be this job's (not 0, which would charge the
            // worker's whole past CPU time to this job)
            cpuStartedAt = cpuStart;
            threadId = Thread.currentThread().getId();
            try {
                IAtomContainer mol;
                try {
                    mol = Molecules.parse(smiles);
                } catch (Exception | StackOverflowError e) {
                    synchronized (this) {
                        if (!abandoned) failures.add(new DescriptorMatrix.Failure(row, "SMILES", reason(e)));
                    }
                    return;
                }
                for (int i = from; i < parts.length; i++) {
                    cpuStartedAt = THREADS.getCurrentThreadCpuTime();
                    startedAt = System.nanoTime();
                    current = i;
                    int n = offsets[i + 1] - offsets[i];
                    double[] values = new double[n];
                    String problem;
                    try {
                        problem = parts[i].compute(mol, values, 0);
                    } catch (Exception | StackOverflowError e) {
                        Arrays.fill(values, Double.NaN);
                        problem = reason(e);
                    }
                    synchronized (this) {
                        if (abandoned) return;
                        System.arraycopy(values, 0, out, offsets[i], n);
                        if (problem != null) failures.add(new DescriptorMatrix.Failure(row, parts[i].name(), problem));
                    }
                }
            } finally {
                WORKER_CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            }
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
