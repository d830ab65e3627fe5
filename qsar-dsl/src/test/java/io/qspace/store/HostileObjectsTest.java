package io.qspace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.results.Results;
import io.qspace.select.Selectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** What is read back from a store is filtered and bounded: a few hostile bytes are an error, not an OutOfMemoryError. */
class HostileObjectsTest {
    @TempDir
    Path store;

    /** 60-odd bytes that declare an array of two billion doubles: read unfiltered, 16 GB are allocated. */
    static byte[] arrayBomb() {
        byte[] bytes = Serialization.toBytes(new double[] {1.0});
        // the array's length is the 4 bytes before its one 8-byte element at the end of the stream
        int at = bytes.length - 8 - 4;
        assertEquals(1, ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff), "found the length");
        bytes[at] = 0x7f;
        bytes[at + 1] = (byte) 0xff;
        bytes[at + 2] = (byte) 0xff;
        bytes[at + 3] = (byte) 0xff;
        return bytes;
    }

    @Test
    void aHugeArrayDeclaredInAFewBytesIsRefusedBeforeItAllocates() {
        byte[] bomb = arrayBomb();
        assertTrue(bomb.length < 80, bomb.length + " bytes");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Serialization.fromBytes(bomb, Object.class));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void aClassOutsideTheAllowedOnesIsRefused() {
        byte[] bytes = Serialization.toBytes(new javax.swing.JLabel("not data"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Serialization.fromBytes(bytes, Object.class));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void aCorruptDescriptorMatrixFailsItsDatasetNamingTheKeyAndTheStudyGoesOn() throws Exception {
        Results first = SampleData.quickStudy("hostile", store).run();
        assertEquals(0, first.failed());
        try (ObjectStore s = ObjectStores.open(store.toString())) {
            List<String> matrices = s.list("descriptors/");
            assertEquals(1, matrices.size(), matrices.toString());
            s.put(matrices.get(0), arrayBomb());
            // another selector: a new prepare step, which reads the stored descriptors
            Results second = SampleData.quickStudy("hostile", store).selectors(Selectors.topCorrelated(7)).run();
            Table failed = second.failures();
            assertEquals(1, failed.rowCount(), second.table().print());
            String error = failed.stringColumn("error").get(0);
            assertTrue(error.contains(matrices.get(0)) && error.contains("delete it and run again"), error);
        }
    }
}
