package io.qspace.store.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures are waited out: the cases a live server cannot easily be made to produce on demand. */
class TransientFaultsTest {
    private static S3Exception status(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).message(code).build();
    }

    @Test
    void serverTroubleAndThrottlingAreTransient() {
        assertTrue(TransientFaults.isTransient(status(500, "InternalError")));
        assertTrue(TransientFaults.isTransient(status(503, "SlowDown")));
        assertTrue(TransientFaults.isTransient(status(429, "TooManyRequests")));
        assertTrue(TransientFaults.isTransient(status(400, "RequestTimeout")));
    }

    @Test
    void networkFailuresAreTransient() {
        assertTrue(TransientFaults.isTransient(SdkClientException.create("refused", new ConnectException("refused"))));
        assertTrue(TransientFaults.isTransient(SdkClientException.create("reset",
                new RuntimeException(new SocketException("Connection reset")))));
    }

    @Test
    void mistakesThatWaitingCannotFixAreNot() {
        assertFalse(TransientFaults.isTransient(status(403, "AccessDenied")));
        assertFalse(TransientFaults.isTransient(status(400, "InvalidArgument")));
        assertFalse(TransientFaults.isTransient(NoSuchBucketException.builder().statusCode(404).build()));
        assertFalse(TransientFaults.isTransient(SdkClientException.create("Unable to load credentials")));
    }

    @Test
    void pausesGrowAndStayBounded() {
        for (int attempt = 1; attempt < 40; attempt++) {
            long pause = RetryWindow.pauseMillis(attempt);
            long ceiling = Math.min(4_000, 100L << Math.min(attempt - 1, 20));
            assertTrue(pause >= ceiling / 2 && pause <= ceiling, "attempt " + attempt + ": " + pause);
        }
    }
}
