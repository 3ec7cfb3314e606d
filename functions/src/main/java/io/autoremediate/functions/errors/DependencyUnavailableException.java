package io.autoremediate.functions.errors;

/**
 * A service we depend on is briefly unavailable (throttled, 5xx, network). The state machine retries this
 * error by its class name with backoff; it is never the final word on an incident.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
