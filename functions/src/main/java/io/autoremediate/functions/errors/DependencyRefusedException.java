package io.autoremediate.functions.errors;

/**
 * A service refused the request for a reason retrying will not fix (access denied, invalid instance,
 * validation). The message says what was refused and what to check; the incident escalates with it.
 */
public class DependencyRefusedException extends RuntimeException {

    public DependencyRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
