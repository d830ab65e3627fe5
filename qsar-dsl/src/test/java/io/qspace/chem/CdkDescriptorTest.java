package io.qspace.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CdkDescriptorTest {
    /**
     * CDK 2.12's KierHallSmartsDescriptor constructor rebuilds a static names array in place: made on several slots at
     * once, one slot read names another was still filling ("KierHallSmarts.khs.null"), and a prediction slice then
     * failed with "descriptor 'KierHallSmarts.khs.aasC' of this model is not computed". Made side by side many times,
     * every instance names the same columns, none null.
     */
    @Test
    void descriptorsMadeOnManySlotsAtOnceAllNameTheirColumns() throws Exception {
        List<String> expected = List.of(new CdkDescriptor("KierHallSmartsDescriptor").columns());
        assertTrue(expected.size() > 70 && expected.stream().noneMatch(c -> c.endsWith("null")), expected.toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> made = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                made.add(pool.submit(() -> List.of(new CdkDescriptor("KierHallSmartsDescriptor").columns())));
            }
            int wrong = 0;
            for (Future<List<String>> f : made) {
                if (!f.get().equals(expected)) {
                    wrong++;
                }
            }
            assertEquals(0, wrong, "instances whose column names differ from a lone instance's");
        } finally {
            pool.shutdownNow();
        }
    }
}
