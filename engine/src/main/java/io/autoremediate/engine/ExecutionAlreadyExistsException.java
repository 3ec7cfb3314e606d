package io.autoremediate.engine;

/**
 * StartExecution's ExecutionAlreadyExists: the name is taken by an execution that has ended or that runs
 * with a different input (the same name and input while RUNNING returns the running one instead).
 */
public class ExecutionAlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String executionArn;

    public ExecutionAlreadyExistsException(String executionArn) {
        super("Execution Already Exists: '" + executionArn + "' (pick another name, or the same input while it "
                + "runs)");
        this.executionArn = executionArn;
    }

    public String executionArn() {
        return executionArn;
    }
}
