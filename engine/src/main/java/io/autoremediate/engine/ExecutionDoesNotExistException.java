package io.autoremediate.engine;

/** DescribeExecution's ExecutionDoesNotExist: no execution with that ARN in this runtime. */
public class ExecutionDoesNotExistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String executionArn;

    public ExecutionDoesNotExistException(String executionArn) {
        super("Execution Does Not Exist: '" + executionArn + "'");
        this.executionArn = executionArn;
    }

    public String executionArn() {
        return executionArn;
    }
}
