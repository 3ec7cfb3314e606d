package io.autoremediate.functions.intake;


/** Starts an execution of the remediation state machine under a name of our choosing. */
public interface ExecutionStarter {

    /**
     * Starts it, or reports that an execution of that name exists already (the same alarm change delivered
     * twice): Step Functions keeps names unique per state machine for 90 days.
     */
    StartedExecution start(String executionName, String inputJson);
}
