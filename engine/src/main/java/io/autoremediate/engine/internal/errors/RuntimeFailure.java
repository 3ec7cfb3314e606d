package io.autoremediate.engine.internal.errors;

/**
 * {@code States.Runtime}: the execution hit something it cannot process, such as a path that matches
 * nothing. Neither retriable nor catchable, not even by {@code States.ALL}.
 */
public final class RuntimeFailure extends StatesError {
    private static final long serialVersionUID = 1L;

    public RuntimeFailure(String cause) {
        super(ErrorNames.RUNTIME, cause);
    }

    @Override
    public boolean caughtByStatesAll() {
        return false;
    }

    @Override
    public boolean isRecoverable() {
        return false;
    }
}
