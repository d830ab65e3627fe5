package io.qspace.store.s3;

import io.qspace.store.ObjectKeys;
import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} in an S3 bucket (AWS, or any S3-compatible server such as MinIO), under an optional prefix.
 *
 * <h2>URI</h2>
 * {@code s3://bucket/optional/prefix?region=eu-west-1&endpoint=http://127.0.0.1:9000&pathStyle=true&retryWindow=60s}
 * <ul>
 *   <li>{@code region}: the bucket's region; if absent, the SDK's default region chain (AWS_REGION, profile,
 *       instance metadata), and "us-east-1" when an endpoint is given and nothing else is found;</li>
 *   <li>{@code endpoint}: for S3-compatible servers; {@code pathStyle=true} sends http://host/bucket/key instead of
 *       http://bucket.host/key, which most of them need;</li>
 *   <li>{@code retryWindow}: how long transient failures are retried, e.g. 60s (default), 500ms, 2m, or 0.</li>
 * </ul>
 * Two stores with different prefixes in one bucket do not see each other's keys.
 *
 * <h2>Credentials</h2>
 * Only from the AWS SDK's default credentials chain: system properties, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the
 * AWS_PROFILE in ~/.aws, web identity, container or instance role. Never from the URI (it is refused: URIs end up in
 * logs and result records), and this class writes no credentials anywhere.
 *
 * <h2>Atomicity</h2>
 * An S3 PUT is atomic: the server makes the object visible only once it has received the whole body and checked its
 * length and checksum, and it replaces a previous version in one step. A reader therefore sees the old object or the
 * new one, never half of either; an upload cut off midway leaves nothing behind. S3 has read-after-write consistency,
 * so a get after a successful put sees it. Of concurrent puts to one key, the last to complete wins.
 *
 * <h2>Faults</h2>
 * Transient failures (connection refused or reset, timeouts, 5xx, throttling) get a few quick retries from the SDK and
 * are then retried by {@link RetryWindow} with exponential backoff and jitter until {@code retryWindow} has passed,
 * so an S3 restart of a few seconds goes unnoticed. Retrying a put is safe because a put is idempotent. A call that
 * still fails throws IOException, naming the endpoint and what to do; the runner then retries the whole invocation.
 * Permanent failures (no bucket, access denied) throw at once.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final int PAGE = 1000;

    private final S3Location location;
    private final S3Client s3;
    private final RetryWindow retry;
    private final S3Failures failures;

    private S3ObjectStore(S3Location location, S3Client s3) {
        this.location = location;
        this.s3 = s3;
        this.retry = new RetryWindow(location.retryWindow());
        this.failures = new S3Failures(location);
    }

    /** Opens the store and checks that its bucket exists, so that a wrong URI fails here rather than at first use. */
    public static S3ObjectStore open(URI uri) {
        S3Location location = S3Location.parse(uri);
        S3ObjectStore store = new S3ObjectStore(location, client(location));
        try {
            store.checkBucket();
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static S3Client client(S3Location location) {
        S3ClientBuilder builder = S3Client.builder()
                // the SDK's default (Apache 5) made explicit so the pool fits a many-threaded worker
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30))
                        .tcpKeepAlive(true))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        // the token bucket would stop all retries in a sustained outage: RetryWindow decides that
                        .circuitBreakerEnabled(false)
                        .build()))
                .region(region(location))
                .forcePathStyle(location.pathStyle());
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region(S3Location location) {
        if (location.region().isPresent()) {
            return Region.of(location.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            if (location.endpoint().isPresent()) {
                return Region.US_EAST_1; // S3-compatible servers mostly ignore it, but SigV4 needs one
            }
            throw new IllegalArgumentException("no region for " + location.uri()
                    + ": add region=<the bucket's region> to the URI or set AWS_REGION", e);
        }
    }

    @Override
    public URI uri() {
        return location.uri();
    }

    private String fullKey(String key) {
        return location.prefix() + ObjectKeys.check(key);
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        String full = fullKey(key);
        call("writing '" + key + "'", () -> s3.putObject(r -> r.bucket(location.bucket()).key(full),
                RequestBody.fromBytes(bytes)));
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        String full = fullKey(key);
        return call("reading '" + key + "'", () -> {
            try {
                return Optional.of(s3.getObjectAsBytes(r -> r.bucket(location.bucket()).key(full)).asByteArrayUnsafe());
            } catch (NoSuchKeyException e) {
                return Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public boolean exists(String key) throws IOException {
        String full = fullKey(key);
        return call("checking '" + key + "'", () -> {
            try {
                s3.headObject(r -> r.bucket(location.bucket()).key(full));
                return true;
            } catch (NoSuchKeyException e) {
                return false;
            } catch (AwsServiceException e) {
                // a HEAD answer has no body, so "no such key" may arrive as a bare 404; the bucket was checked at open
                if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        String full = location.prefix() + prefix;
        int strip = location.prefix().length();
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            // one page at a time inside the retry window, so an outage mid-listing resumes where it stopped
            ListObjectsV2Response response = call("listing '" + prefix + "'", () -> s3.listObjectsV2(r -> r
                    .bucket(location.bucket()).prefix(full).maxKeys(PAGE).continuationToken(page)));
            for (S3Object object : response.contents()) {
                keys.add(object.key().substring(strip));
            }
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        // S3 sorts by UTF-8 bytes, Java strings by UTF-16 units; they differ beyond U+FFFF, and every store sorts alike
        Collections.sort(keys);
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        String full = fullKey(key);
        call("deleting '" + key + "'", () -> s3.deleteObject(r -> r.bucket(location.bucket()).key(full)));
    }

    private void checkBucket() throws IOException {
        call("opening " + location.uri(), () -> s3.headBucket(r -> r.bucket(location.bucket())));
    }

    private <T> T call(String action, RetryWindow.S3Call<T> call) throws IOException {
        try {
            return retry.run(call);
        } catch (RetryWindow.Exhausted e) {
            throw failures.exhausted(action, e, retry);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && action.startsWith("opening")) {
                throw failures.of(action, NoSuchBucketException.builder().message(e.getMessage()).statusCode(404)
                        .build());
            }
            throw failures.of(action, e);
        } catch (SdkException e) {
            throw failures.of(action, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore(" + location.uri() + ")";
    }
}
