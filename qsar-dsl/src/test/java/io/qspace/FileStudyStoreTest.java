package io.qspace;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The study-level store contract on the embedded default, a folder. */
class FileStudyStoreTest extends StudyStoreContract {
    @TempDir
    Path dir;

    @Override
    protected String freshStore(String name) {
        return dir.resolve(name).toUri().toString();
    }
}
