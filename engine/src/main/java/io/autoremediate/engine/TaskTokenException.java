package io.autoremediate.engine;

/**
 * SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat was refused; {@link #errorCode()} is the error Step
 * Functions answers with ({@code InvalidToken}, {@code TaskDoesNotExist}, {@code TaskTimedOut}).
 */
public abstract class TaskTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String taskToken;

    protected TaskTokenException(String message, String taskToken) {
        super(message);
        this.taskToken = taskToken;
    }

    /** The Step Functions API error name. */
    public abstract String errorCode();

    public String taskToken() {
        return taskToken;
    }
}
