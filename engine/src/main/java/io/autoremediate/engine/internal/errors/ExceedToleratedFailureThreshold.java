package io.autoremediate.engine.internal.errors;

/**
 * {@code States.ExceedToleratedFailureThreshold}: more iterations of a Distributed Map failed than its
 * ToleratedFailureCount or ToleratedFailurePercentage allows. Retry and Catch act on it like any state error.
 */
public final class ExceedToleratedFailureThreshold extends StatesError {
    private static final long serialVersionUID = 1L;

    public ExceedToleratedFailureThreshold(String cause) {
        super(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, cause);
    }
}
