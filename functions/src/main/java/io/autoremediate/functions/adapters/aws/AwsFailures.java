package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that decides whether an AWS failure is worth retrying. Throttling, 5xx and network or timeout
 * errors become {@link DependencyUnavailableException} (the state machine retries it with backoff); anything
 * else the service answered (access denied, validation, an unknown instance) becomes
 * {@link DependencyRefusedException} with advice on what to check, because retrying cannot fix it.
 */
final class AwsFailures {

    /** Error codes that mean the caller's identity lacks a permission, across the services we call. */
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "AuthorizationError", "UnauthorizedOperation",
            "NotAuthorized", "KMS.AccessDeniedException");

    /**
     * Error codes outside the SDK's throttling list that still mean "try again shortly". Step Functions'
     * ExecutionLimitExceeded (too many open executions) clears as running executions end.
     */
    private static final Set<String> TRANSIENT = Set.of(
            "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
            "ExecutionLimitExceeded");

    private AwsFailures() {
    }

    /** The exception to throw instead of {@code failure}; never returns null. */
    static RuntimeException translate(AwsCall call, SdkException failure) {
        if (!(failure instanceof AwsServiceException service)) {
            // No answer from the service at all: connection refused, DNS, socket or API-call timeout.
            return new DependencyUnavailableException(call.describe() + " did not get an answer ("
                    + failure.getMessage() + "); it is retried", failure);
        }
        String code = errorCode(service);
        int status = service.statusCode();
        String answer = "(" + code + ", HTTP " + status + ": " + errorMessage(service) + ")";
        if (service.isThrottlingException() || status >= 500 || status == 408 || TRANSIENT.contains(code)) {
            return new DependencyUnavailableException(call.describe() + " is unavailable for now " + answer
                    + "; it is retried", failure);
        }
        return new DependencyRefusedException(call.describe() + " was refused " + answer + ": "
                + advice(call, code, status), failure);
    }

    private static String advice(AwsCall call, String code, int status) {
        String specific = call.hints().get(code);
        if (specific != null) {
            return specific;
        }
        if (ACCESS_DENIED.contains(code) || status == 403) {
            return "check that the function's IAM role allows " + call.permission() + " on " + call.resource();
        }
        if (code.contains("Validation") || code.startsWith("Invalid")) {
            return "check the request's parameters against the " + call.service() + " " + call.operation()
                    + " API reference";
        }
        return "check the " + call.resource() + " and the function's configuration; retrying will not help";
    }

    static String errorCode(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String errorMessage(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return "no message";
    }
}
