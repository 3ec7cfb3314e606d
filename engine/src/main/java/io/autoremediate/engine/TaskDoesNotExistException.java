package io.autoremediate.engine;

/**
 * TaskDoesNotExist: no Task waits for this token (it was answered already, its execution ended or is unknown
 * here).
 */
public final class TaskDoesNotExistException extends TaskTokenException {
    private static final long serialVersionUID = 1L;

    public TaskDoesNotExistException(String taskToken, String why) {
        super("Task Does Not Exist: no task waits for the token '" + InvalidTokenException.abbreviate(taskToken)
                + "' (" + why + ")", taskToken);
    }

    @Override
    public String errorCode() {
        return "TaskDoesNotExist";
    }
}
