package io.autoremediate.functions.adapters.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One AWS call as failure messages name it: which service and operation, on what, and the IAM permission it
 * needs, plus advice for error codes that mean something specific to this call.
 *
 * @param hints error code to what the operator should check, e.g. SSM's {@code InvalidInstanceId}
 */
record AwsCall(String service, String operation, String resource, String permission, Map<String, String> hints) {

    AwsCall {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(permission, "permission");
        hints = hints == null ? Map.of() : Map.copyOf(hints);
    }

    static AwsCall of(String service, String operation, String resource, String permission) {
        return new AwsCall(service, operation, resource, permission, Map.of());
    }

    AwsCall withHint(String errorCode, String advice) {
        Map<String, String> more = new HashMap<>(hints);
        more.put(errorCode, advice);
        return new AwsCall(service, operation, resource, permission, more);
    }

    /** {@code SSM SendCommand on instance i-0abc}: the opening of every failure message. */
    String describe() {
        return service + " " + operation + " on " + resource;
    }
}
