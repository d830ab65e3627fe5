package io.qspace.store.s3;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Which failures are worth waiting out: the server or the network is down or busy, and asking again later can
 * succeed. Anything else (no such bucket, access denied, bad request) fails at once, since waiting cannot fix it.
 */
final class TransientFaults {
    private TransientFaults() {}

    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return status >= 500 || status == 429 || service.isThrottlingException()
                    || "RequestTimeout".equals(code) || "SlowDown".equals(code);
        }
        if (e instanceof SdkClientException) {
            // connection refused or reset, timeouts, no response: all surface as an IOException somewhere in the chain
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }
}
