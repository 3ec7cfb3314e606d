package io.autoremediate.engine.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.errors.HeartbeatTimeout;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.errors.TaskFailure;
import io.autoremediate.engine.internal.errors.TaskTimeout;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.context.StateRun;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of a Task on {@code lambda:invoke.waitForTaskToken} (the callback pattern): invoke the function
 * with its Payload, record TaskSubmitted, then wait for an answer to the task token. The wait is plain data
 * (the token, its deadlines, the answer once given) that the Task's suspended cursor carries, so it is
 * persisted with the execution. Events as Step Functions records them: TaskScheduled, TaskStarted,
 * TaskSubmitted, then TaskSucceeded, TaskFailed or TaskTimedOut.
 */
public final class CallbackTask {
    /** A wait with neither TimeoutSeconds nor HeartbeatSeconds wakes only when answered. */
    public static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    static final String RESOURCE = "invoke.waitForTaskToken";
    private static final String TOKEN = "taskToken";
    private static final String TIMEOUT_AT = "timeoutAt";
    private static final String HEARTBEAT_AT = "heartbeatAt";
    private static final String HEARTBEAT_SECONDS = "heartbeatSeconds";
    private static final String ANSWER = "answer";

    private final StateRun run;

    public CallbackTask(StateRun run) {
        this.run = run;
    }

    /**
     * Invokes the function (its result is only recorded) and returns the wait for {@code token}.
     *
     * @param timeoutSeconds   TimeoutSeconds for the whole task, invocation and wait, or {@code null}
     * @param heartbeatSeconds HeartbeatSeconds, or {@code null}
     */
    public ObjectNode submit(JsonNode parameters, String token, Long timeoutSeconds, Long heartbeatSeconds) {
        Instant started = run.now();
        ObjectNode scheduled = Json.object();
        scheduled.put("resourceType", "lambda");
        scheduled.put("resource", RESOURCE);
        scheduled.put("region", run.environment().region());
        scheduled.put("parameters", Json.write(parameters));
        if (timeoutSeconds != null) {
            scheduled.put("timeoutInSeconds", timeoutSeconds);
        }
        if (heartbeatSeconds != null) {
            scheduled.put("heartbeatInSeconds", heartbeatSeconds);
        }
        run.record("TaskScheduled", scheduled);
        run.record("TaskStarted", LambdaTask.resourceDetails(RESOURCE));
        try {
            JsonNode response = LambdaTask.invokeWithParameters(run, parameters, timeoutSeconds);
            ObjectNode submitted = LambdaTask.resourceDetails(RESOURCE);
            submitted.put("output", Json.write(response));
            submitted.putObject("outputDetails").put("truncated", false);
            run.record("TaskSubmitted", submitted);
        } catch (StatesError e) {
            recordFailure(e);
            throw e;
        }
        Optional<ObjectNode> earlyAnswer = run.taskTokens().startWaiting(token);
        ObjectNode wait = Json.object();
        wait.put(TOKEN, token);
        if (timeoutSeconds != null) {
            wait.put(TIMEOUT_AT, started.plusSeconds(timeoutSeconds).toString());
        }
        if (heartbeatSeconds != null) {
            wait.put(HEARTBEAT_SECONDS, heartbeatSeconds);
            wait.put(HEARTBEAT_AT, run.now().plusSeconds(heartbeatSeconds).toString());
        }
        earlyAnswer.ifPresent(answer -> wait.set(ANSWER, answer));
        return wait;
    }

    /**
     * The task's result once SendTaskSuccess answered; throws what SendTaskFailure sent or the timeout that
     * passed; empty while it still waits.
     */
    public Optional<JsonNode> resume(JsonNode wait) {
        String token = wait.get(TOKEN).textValue();
        JsonNode answer = wait.get(ANSWER);
        if (answer != null && answer.has("output")) {
            ObjectNode succeeded = LambdaTask.resourceDetails(RESOURCE);
            succeeded.put("output", Json.write(answer.get("output")));
            succeeded.putObject("outputDetails").put("truncated", false);
            run.record("TaskSucceeded", succeeded);
            return Optional.of(answer.get("output"));
        }
        if (answer != null) {
            TaskFailure failure = new TaskFailure(text(answer, "error"), text(answer, "cause"));
            recordFailure(failure);
            throw failure;
        }
        Instant now = run.now();
        Instant timeoutAt = instant(wait, TIMEOUT_AT);
        Instant heartbeatAt = instant(wait, HEARTBEAT_AT);
        StatesError timeout = null;
        if (timeoutAt != null && !now.isBefore(timeoutAt)) {
            timeout = new TaskTimeout("The task was not answered within its TimeoutSeconds.");
        } else if (heartbeatAt != null && !now.isBefore(heartbeatAt)) {
            timeout = new HeartbeatTimeout("No heartbeat was sent within the task's HeartbeatSeconds of "
                    + wait.get(HEARTBEAT_SECONDS).longValue() + " s.");
        }
        if (timeout == null) {
            return Optional.empty();
        }
        run.taskTokens().timedOut(token);
        recordFailure(timeout);
        throw timeout;
    }

    private void recordFailure(StatesError e) {
        ObjectNode failed = LambdaTask.resourceDetails(RESOURCE);
        failed.setAll(LambdaTask.errorDetails(e));
        boolean timedOut = e instanceof TaskTimeout || e instanceof HeartbeatTimeout;
        run.record(timedOut ? "TaskTimedOut" : "TaskFailed", failed);
    }

    /** Whether a suspended Task's carried value is a wait for {@code token}. */
    public static boolean waitsFor(JsonNode wait, String token) {
        return wait != null && wait.isObject() && token.equals(wait.path(TOKEN).textValue());
    }

    /** When a wait is due: now once answered, else its first deadline, else {@link #NEVER}. */
    public static Instant wakeAt(JsonNode wait, Instant now) {
        if (wait.has(ANSWER)) {
            return now;
        }
        Instant timeoutAt = instant(wait, TIMEOUT_AT);
        Instant heartbeatAt = instant(wait, HEARTBEAT_AT);
        Instant wake = NEVER;
        if (timeoutAt != null && timeoutAt.isBefore(wake)) {
            wake = timeoutAt;
        }
        if (heartbeatAt != null && heartbeatAt.isBefore(wake)) {
            wake = heartbeatAt;
        }
        return wake;
    }

    public static boolean isAnswered(JsonNode wait) {
        return wait.has(ANSWER);
    }

    /** The wait with its answer ({@code {"output": …}} or {@code {"error": …, "cause": …}}). */
    public static ObjectNode answered(JsonNode wait, ObjectNode answer) {
        ObjectNode copy = (ObjectNode) wait.deepCopy();
        copy.set(ANSWER, answer);
        return copy;
    }

    /** The wait with its heartbeat deadline moved to {@code now} + HeartbeatSeconds (as it is without one). */
    public static ObjectNode heartbeat(JsonNode wait, Instant now) {
        ObjectNode copy = (ObjectNode) wait.deepCopy();
        if (copy.has(HEARTBEAT_SECONDS)) {
            copy.put(HEARTBEAT_AT, now.plusSeconds(copy.get(HEARTBEAT_SECONDS).longValue()).toString());
        }
        return copy;
    }

    public static ObjectNode successAnswer(JsonNode output) {
        ObjectNode answer = Json.object();
        answer.set("output", output == null ? Json.NODES.nullNode() : output.deepCopy());
        return answer;
    }

    public static ObjectNode failureAnswer(String error, String cause) {
        ObjectNode answer = Json.object();
        answer.put("error", error);
        answer.put("cause", cause);
        return answer;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.textValue());
    }
}
