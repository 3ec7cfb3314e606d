package io.autoremediate.engine.internal.errors;

/** A Task's resource reported an error; its name is the function's error type. Matched by States.TaskFailed. */
public final class TaskFailure extends StatesError {
    private static final long serialVersionUID = 1L;

    public TaskFailure(String errorName, String cause) {
        super(errorName, cause);
    }

    @Override
    public boolean isTaskFailure() {
        return true;
    }
}
