package io.autoremediate.local.runtime;

/** An execution of that name exists already: the same alarm change arrived twice (Step Functions' ExecutionAlreadyExists). */
public class DuplicateExecutionException extends RuntimeException {

    public DuplicateExecutionException(String executionName) {
        super("an execution named " + executionName + " exists already; the duplicate started nothing");
    }
}
