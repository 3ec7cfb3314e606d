package io.autoremediate.engine.internal.errors;

/**
 * An error raised while running a state, carrying the States Language error name and cause
 * (States Language spec, "Errors"). Retriers and Catchers match on {@link #errorName()}.
 */
public class StatesError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final String errorCause;

    public StatesError(String errorName, String errorCause) {
        super(errorName + ": " + errorCause);
        this.errorName = errorName;
        this.errorCause = errorCause;
    }

    /** The error name; {@code null} only for a Fail state without Error. */
    public final String errorName() {
        return errorName;
    }

    /** The cause; {@code null} only for a Fail state without Cause. */
    public final String errorCause() {
        return errorCause;
    }

    /** Whether {@code States.ALL} matches this error; the spec's terminal errors say no. */
    public boolean caughtByStatesAll() {
        return true;
    }

    /** Whether {@code States.TaskFailed} matches this error: every task failure except a timeout. */
    public boolean isTaskFailure() {
        return false;
    }

    /** Whether Retry and Catch may act on this error at all. */
    public boolean isRecoverable() {
        return true;
    }

    /** The same error with a cause that says where it happened. */
    public StatesError withCausePrefix(String prefix) {
        return new StatesError(errorName, prefix + (errorCause == null ? "" : errorCause)) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean caughtByStatesAll() {
                return StatesError.this.caughtByStatesAll();
            }

            @Override
            public boolean isTaskFailure() {
                return StatesError.this.isTaskFailure();
            }

            @Override
            public boolean isRecoverable() {
                return StatesError.this.isRecoverable();
            }
        };
    }
}
