package io.autoremediate.engine.internal.errors;

/** {@code States.Timeout}: a Task ran longer than its TimeoutSeconds. Not matched by States.TaskFailed. */
public final class TaskTimeout extends StatesError {
    private static final long serialVersionUID = 1L;

    public TaskTimeout(String cause) {
        super(ErrorNames.TIMEOUT, cause);
    }
}
