package io.qspace.store.s3;

import io.qspace.StudyStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The study-level store contract on a real S3 server (S3Proxy on 127.0.0.1): one bucket per test. */
class S3StudyStoreTest extends StudyStoreContract {
    private static LocalS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.inMemory();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected String freshStore(String name) {
        s3.createBucket("study-" + name);
        return s3.uri("study-" + name + "/qspace", "");
    }
}
