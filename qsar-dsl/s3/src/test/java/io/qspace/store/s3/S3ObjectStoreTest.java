package io.qspace.store.s3;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStoreContract;
import io.qspace.store.ObjectStores;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store contract against a real S3 server (S3Proxy, in memory); each test gets its own prefix. */
class S3ObjectStoreTest extends ObjectStoreContract {
    private static final AtomicInteger TESTS = new AtomicInteger();
    private static LocalS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.inMemory();
        s3.createBucket("contract");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected ObjectStore newStore() {
        // through ObjectStores, so the ServiceLoader registration is tested as well
        return ObjectStores.open(s3.uri("contract/test-" + TESTS.incrementAndGet(), ""));
    }
}
