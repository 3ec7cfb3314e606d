/**
 * {@code ./autoremediate serve}: the Step Functions API (AWS JSON 1.0, {@code X-Amz-Target:
 * AWSStepFunctions.*}) on 127.0.0.1, so the AWS CLI and SDKs drive the embedded engine with only an endpoint
 * override. {@code protocol} speaks the wire format and AWS-shaped errors ({@code {"__type", "message"}});
 * {@code operations} holds the operations and their rules; {@code execution} puts executions on the
 * {@link io.autoremediate.local.runtime.LocalRuntime} serve composes, behind
 * {@link io.autoremediate.local.sfn.execution.ExecutionBackend}.
 *
 * <p>Choices, following the service where it can be followed:
 * <ul>
 *   <li>Lambda functions are bound by function name (an ARN's region, account and qualifier do not matter).
 *       As in Step Functions, they are not looked up at CreateStateMachine: invoking one nothing binds fails
 *       the Task with {@code Lambda.ResourceNotFoundException}, which Retry and Catch see like any error.</li>
 *   <li>Task resources that are not Lambda (e.g. {@code arn:aws:states:::sns:publish}) are valid in AWS but
 *       this engine cannot run them, so CreateStateMachine and UpdateStateMachine refuse them with
 *       InvalidDefinition; ValidateStateMachineDefinition makes only the States Language checks.</li>
 *   <li>Only STANDARD state machines (EXPRESS: StateMachineTypeNotSupported). No versions, aliases, tags,
 *       redrive, Map Runs or activities.</li>
 *   <li>Durable: state machines are saved under {@code --data-dir}/state-machines (one JSON file each), and
 *       executions run on the local runtime (the engine's {@code ExecutionRuntime}), journaled under {@code --data-dir}/executions
 *       (plus an index of start order and input text); a serve started again on the same directory resumes
 *       the executions left RUNNING. Waiting executions hold no thread. The role in an execution's
 *       {@code $$.Execution.RoleArn} is the account's {@code autoremediate-local} role, not the state
 *       machine's.</li>
 *   <li>SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat answer the task token of a
 *       {@code lambda:invoke.waitForTaskToken} Task (InvalidToken, TaskDoesNotExist, TaskTimedOut,
 *       InvalidOutput as in AWS); each token issued is also printed to the log.</li>
 *   <li>Execution names are unique per state machine for the server's life; the same name and input while
 *       running returns that execution, anything else is ExecutionAlreadyExists.</li>
 *   <li>StopExecution closes the execution with an ExecutionAborted event carrying the given error and
 *       cause: at once unless a Task's function is running (then right after it, its result dropped).
 *       Stopping a closed execution changes nothing and returns its stop date.</li>
 *   <li>The remediation functions bind to local adapters: runbooks from a folder, runbooks run by local
 *       bash, the guard reading this server's executions (one binding for every local command), and an alarm that reads OK once after a
 *       successful runbook run for it (there is no live CloudWatch alarm behind an API-started execution).</li>
 * </ul>
 */
package io.autoremediate.local.sfn;
