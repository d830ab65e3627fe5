package io.qspace.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stop button on a running study: src/test/python/interrupt_check.py starts the real qsar-java kernel, runs a
 * slow study, interrupts it the way JupyterLab does (interrupt_request, the kernel spec's interrupt_mode "message"),
 * and checks that the cell ends, the study's slot threads stop and the next cell runs.
 */
class KernelInterruptIT {

    @Test
    void interruptingAStudyStopsItAndLeavesTheKernelUsable() throws Exception {
        Path script = NotebooksIT.REPO.resolve("kernel-ext/src/test/python/interrupt_check.py");
        Path store = NotebooksIT.REPO.resolve("kernel-ext/target/interrupt-store");
        NotebooksIT.deleteTree(store);
        Path log = Files.createDirectories(NotebooksIT.REPO.resolve("kernel-ext/target")).resolve("interrupt-check.log");
        Process p = new ProcessBuilder(List.of(NotebooksIT.VENV.resolve("bin/python").toString(), script.toString(),
                NotebooksIT.REPO.resolve("datasets-sample").toString(), store.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(4, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly().waitFor();
        String out = Files.readString(log);
        assertTrue(done, "interrupt check did not finish in 4 minutes:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("slot threads left: 0"), out);
        assertTrue(out.contains("next cell ran: AFTER=42"), out);
        assertTrue(out.contains("with status error"), "the interrupted cell reports an error: " + out);
    }
}
