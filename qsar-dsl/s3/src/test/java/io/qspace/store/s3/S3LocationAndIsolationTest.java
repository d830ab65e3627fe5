package io.qspace.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.store.ObjectStore;
import io.qspace.store.ObjectStores;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** URI handling, prefixes that isolate stores in one bucket, and what a user sees when the URI or login is wrong. */
class S3LocationAndIsolationTest {
    private static LocalS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.inMemory();
        s3.createBucket("shared");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPrefixIsolatesTwoStoresInOneBucket() throws Exception {
        try (ObjectStore a = ObjectStores.open(s3.uri("shared/study-a", ""));
             ObjectStore ab = ObjectStores.open(s3.uri("shared/study-ab", ""));
             ObjectStore root = ObjectStores.open(s3.uri("shared", ""))) {
            a.put("records/1", utf8("from a"));
            ab.put("records/1", utf8("from ab"));
            assertArrayEquals(utf8("from a"), a.get("records/1").orElseThrow());
            assertArrayEquals(utf8("from ab"), ab.get("records/1").orElseThrow());
            assertEquals(List.of("records/1"), a.list(""), "'study-a' must not see 'study-ab'");
            a.delete("records/1");
            assertFalse(a.exists("records/1"));
            assertTrue(ab.exists("records/1"));
            assertEquals(List.of("study-ab/records/1"), root.list("study-"));
        }
    }

    @Test
    void uriPartsAreRead() {
        S3Location l = S3Location.parse(URI.create(
                "s3://bucket/some/prefix/?region=eu-west-1&endpoint=http://127.0.0.1:9000&pathStyle=true&retryWindow=90s"));
        assertEquals("bucket", l.bucket());
        assertEquals("some/prefix/", l.prefix());
        assertEquals("eu-west-1", l.region().orElseThrow());
        assertEquals(URI.create("http://127.0.0.1:9000"), l.endpoint().orElseThrow());
        assertTrue(l.pathStyle());
        assertEquals(Duration.ofSeconds(90), l.retryWindow());
        S3Location plain = S3Location.parse(URI.create("s3://bucket"));
        assertEquals("", plain.prefix());
        assertEquals(Duration.ofSeconds(60), plain.retryWindow());
        assertFalse(plain.pathStyle());
        assertEquals(Duration.ofMillis(500), S3Location.parse(URI.create("s3://b?retryWindow=500ms")).retryWindow());
    }

    @Test
    void credentialsInTheUriAreRefusedWithoutEchoingThem() {
        for (String uri : List.of("s3://AKIAXXX:hunter2@bucket/p", "s3://bucket/p?secretKey=hunter2",
                "s3://bucket/p?accessKeyId=AKIAXXX")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectStores.open(uri));
            assertTrue(e.getMessage().contains("default chain"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), "the secret must not be echoed: " + e.getMessage());
        }
    }

    @Test
    void typosAndBadValuesAreErrorsNotDefaults() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> S3Location.parse(URI.create("s3://b?pathstyle=true")));
        assertTrue(typo.getMessage().contains("pathStyle"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse(URI.create("s3://b?retryWindow=soon")));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse(URI.create("s3://b?endpoint=localhost")));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse(URI.create("s3:///prefix")));
    }

    @Test
    void aMissingBucketSaysSoAtOpen() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ObjectStores.open(s3.uri("no-such-bucket/p", "")));
        assertTrue(e.getMessage().contains("bucket 'no-such-bucket' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("create it"), e.getMessage());
        assertTrue(e.getMessage().contains(s3.endpoint()), e.getMessage());
    }

    @Test
    void wrongCredentialsFailAtOnceAndSayWhereCredentialsComeFrom() {
        String good = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", "wrong");
        try {
            long start = System.nanoTime();
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> ObjectStores.open(s3.uri("shared/p", "")));
            assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID"), e.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "access denied is not transient: no retrying");
        } finally {
            System.setProperty("aws.secretAccessKey", good);
        }
    }
}
