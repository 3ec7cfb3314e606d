package io.autoremediate.engine;

/** TaskTimedOut: the Task waiting for this token passed its TimeoutSeconds or HeartbeatSeconds. */
public final class TaskTimedOutException extends TaskTokenException {
    private static final long serialVersionUID = 1L;

    public TaskTimedOutException(String taskToken) {
        super("Task Timed Out: the task waiting for the token '" + InvalidTokenException.abbreviate(taskToken)
                + "' has timed out", taskToken);
    }

    @Override
    public String errorCode() {
        return "TaskTimedOut";
    }
}
