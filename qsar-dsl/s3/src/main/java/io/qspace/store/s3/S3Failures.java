package io.qspace.store.s3;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Turns SDK failures into IOExceptions that say what went wrong in qspace's terms and what to do next. */
final class S3Failures {
    private final S3Location location;

    S3Failures(S3Location location) {
        this.location = location;
    }

    IOException of(String action, SdkException e) {
        String where = " at " + location.endpointText();
        if (e instanceof NoSuchBucketException) {
            return new IOException("bucket '" + location.bucket() + "' does not exist" + where
                    + ": create it or check the URI " + location.uri(), e);
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
                return new IOException(action + ": access denied to bucket '" + location.bucket() + "'" + where
                        + " (" + code + "): check the credentials the AWS default chain finds (AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the instance/pod role) and their policy", e);
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                return new IOException(action + ": bucket '" + location.bucket() + "' is in another region than "
                        + location.region().orElse("the default") + ": add region=<its region> to " + location.uri(), e);
            }
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new IOException(action + ": no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an instance/pod role (" + e.getMessage() + ")", e);
        }
        return new IOException(action + where + " failed: " + e.getMessage(), e);
    }

    IOException exhausted(String action, RetryWindow.Exhausted e, RetryWindow retry) {
        return new IOException(action + ": S3" + " at " + location.endpointText() + " kept failing for the whole retry "
                + "window of " + retry.window().toMillis() / 1000.0 + " s (" + e.attempts + " attempts); last error: "
                + e.last().getMessage() + ". Nothing half-written is visible; check that the endpoint is up, "
                + "or widen retryWindow in " + location.uri(), e.last());
    }
}
