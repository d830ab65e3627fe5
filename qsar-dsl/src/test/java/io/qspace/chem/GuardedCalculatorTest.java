package io.qspace.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The time limit of a descriptor class counts the CPU time the class used, never the time its worker waited to be
 * scheduled: on a busy machine (grid members and slots sharing two cores, a long collection) a molecule whose worker
 * thread had not yet started its job after one limit of wall time was abandoned as "SMILES ... time limit exceeded",
 * its whole row NaN, then imputed by medians: the same study gave other numbers on every model of the dataset.
 */
class GuardedCalculatorTest {
    private static final List<String> SPECS = List.of("chi", "counts", "cdk:TPSADescriptor");
    private static final String SMILES = "CC(=O)Nc1ccc(O)cc1";

    @Test
    void aJobWaitingForItsWorkerIsNotTimedOut() throws Exception {
        double[] expected;
        try (GuardedCalculator warm = new GuardedCalculator(SPECS, 60_000)) {
            List<DescriptorMatrix.Failure> failures = new ArrayList<>();
            expected = warm.row(0, SMILES, failures);
            assertEquals(List.of(), failures);
            for (int i = 0; i < 20; i++) {
                warm.row(0, SMILES, failures); // warmed up: a row now costs far less CPU than the limit below
            }
        }
        long limitMillis = 300;
        long waitMillis = 1_500; // five limits of wall time before the job can start, far below the 30x fallback
        try (GuardedCalculator calculator = new GuardedCalculator(SPECS, limitMillis)) {
            // Occupy the calculator's worker thread, as a machine without a free core would, before the row is asked.
            Field field = GuardedCalculator.class.getDeclaredField("worker");
            field.setAccessible(true);
            ExecutorService worker = (ExecutorService) field.get(calculator);
            CountDownLatch busy = new CountDownLatch(1);
            worker.submit(() -> {
                busy.countDown();
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            busy.await(10, TimeUnit.SECONDS);
            List<DescriptorMatrix.Failure> failures = new ArrayList<>();
            double[] values = calculator.row(0, SMILES, failures);
            assertEquals(List.of(), failures, "no class used its CPU limit: waiting for the worker is no failure");
            assertFalse(Double.isNaN(values[0]));
            assertArrayEquals(expected, values, "the same values as computed without waiting");
        }
    }
}
