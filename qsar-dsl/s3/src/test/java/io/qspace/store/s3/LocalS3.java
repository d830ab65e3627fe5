package io.qspace.store.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server for tests: S3Proxy on 127.0.0.1 with SigV4 authentication, backed by memory or by a folder. It
 * can be stopped and started again on the same port and backing store, to play an S3 outage.
 */
final class LocalS3 implements AutoCloseable {
    static final String IDENTITY = "qspace-test";
    static final String SECRET = "qspace-test-secret";

    static {
        // The store reads credentials only from the SDK's default chain; system properties are its first link.
        System.setProperty("aws.accessKeyId", IDENTITY);
        System.setProperty("aws.secretAccessKey", SECRET);
    }

    private final BlobStore blobs;
    private final int port;
    private S3Proxy proxy;

    private LocalS3(BlobStore blobs, int port) {
        this.blobs = blobs;
        this.port = port;
    }

    static LocalS3 inMemory() throws Exception {
        return new LocalS3(new TransientNio2BlobStore(), freePort()).start();
    }

    static LocalS3 inFolder(Path folder) throws Exception {
        java.nio.file.Files.createDirectories(folder);
        return new LocalS3(new FilesystemNio2BlobStore(folder.toString()), freePort()).start();
    }

    LocalS3 start() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, SECRET)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start on port " + port + ": " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return this;
    }

    void stop() throws Exception {
        proxy.stop();
    }

    void createBucket(String bucket) {
        blobs.createContainer(bucket);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    String uri(String bucketAndPrefix, String moreParameters) {
        return "s3://" + bucketAndPrefix + "?region=us-east-1&endpoint=" + endpoint() + "&pathStyle=true"
                + (moreParameters.isEmpty() ? "" : "&" + moreParameters);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
