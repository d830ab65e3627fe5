package io.qspace.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Not a test: measures the fit cost of one default grid point on data shaped like the big case, for the lead's cost
 * table. Run one point per JVM (so a runaway fit can be killed):
 * {@code java -cp ... io.qspace.model.CostTable dense|sparse <builder index> <point index>}.
 */
public final class CostTable {
    private CostTable() {}

    public static void main(String[] args) {
        boolean sparse = args[0].equals("sparse");
        ModelBuilder point = Builders.defaults().get(Integer.parseInt(args[1])).grid().get(Integer.parseInt(args[2]));
        int n = 2200;
        int p = sparse ? 2048 : 40;
        SplittableRandom random = new SplittableRandom(42);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (sparse) {
                    // ~5% nonzero small counts, as folded ECFP4 counts.
                    x[i][j] = random.nextDouble() < 0.05 ? 1 + random.nextInt(3) : 0;
                } else {
                    x[i][j] = random.nextGaussian();
                }
            }
            y[i] = 6 + 0.5 * x[i][0] - 0.3 * x[i][1] + 0.2 * x[i][2] * x[i][3] + 0.3 * random.nextGaussian();
        }
        // A 4/5 training part, as in one CV fold of the 2,200 training compounds.
        int train = n * 4 / 5;
        double[][] xTrain = java.util.Arrays.copyOf(x, train);
        double[] yTrain = java.util.Arrays.copyOf(y, train);
        double[][] xTest = java.util.Arrays.copyOfRange(x, train, n);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall0 = System.nanoTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        Model model = point.fit(xTrain, yTrain, 1);
        long thread1 = threads.getCurrentThreadCpuTime();
        long process1 = os.getProcessCpuTime();
        long wall1 = System.nanoTime();
        model.predict(xTest);
        long wall2 = System.nanoTime();
        System.out.printf("%-6s %-70s fit: thread-cpu %7.2f s  process-cpu %7.2f s  wall %7.2f s | predict %d rows: wall %6.2f s%n",
                args[0], point, (thread1 - thread0) / 1e9, (process1 - process0) / 1e9, (wall1 - wall0) / 1e9,
                xTest.length, (wall2 - wall1) / 1e9);
    }

    static List<ModelBuilder> defaults() {
        return Builders.defaults();
    }
}
