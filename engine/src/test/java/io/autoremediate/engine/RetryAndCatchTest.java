package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static io.autoremediate.engine.Workflow.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Retry and Catch through whole executions (States Language spec, "Errors"). */
class RetryAndCatchTest {

    private static String task(String retry, String catchers) {
        return """
                {"StartAt":"Remediate","States":{
                  "Remediate":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:remediate",
                    "Retry":%s,"Catch":%s,"Next":"Escalate"},
                  "Escalate":{"Type":"Pass","End":true}}}""".formatted(retry, catchers);
    }

    private static List<Instant> attemptTimes(ExecutionResult result) {
        return result.history().stream().filter(e -> e.type().equals("LambdaFunctionScheduled"))
                .map(HistoryEvent::timestamp).toList();
    }

    private static List<Duration> gaps(List<Instant> times) {
        return java.util.stream.IntStream.range(1, times.size())
                .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i))).toList();
    }

    @Test
    void defaultRetrierMakesThreeRetriesOneTwoAndFourSecondsApart() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        ExecutionResult result = Workflow.of(task("[{\"ErrorEquals\":[\"Transient\"]}]", "[]"))
                .bind("remediate", flaky).run("{}");

        assertThat(flaky.calls).isEqualTo(4);
        assertThat(result.error()).isEqualTo("Transient");
        assertThat(gaps(attemptTimes(result)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void retrySucceedsOnceTheFunctionRecovers() {
        Workflow.Flaky flaky = new Workflow.Flaky(2, "Transient");
        ExecutionResult result = Workflow.of(task("[{\"ErrorEquals\":[\"Transient\"],\"IntervalSeconds\":5}]", "[]"))
                .bind("remediate", flaky).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("{\"attempt\":3}"));
        assertThat(types(result).stream().filter("TaskStateEntered"::equals)).hasSize(1);
        assertThat(gaps(attemptTimes(result))).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void backoffRateAndMaxDelaySecondsShapeTheIntervals() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        ExecutionResult result = Workflow.of(task("""
                [{"ErrorEquals":["Transient"],"IntervalSeconds":3,"BackoffRate":3,"MaxAttempts":4,
                  "MaxDelaySeconds":20}]""", "[]")).bind("remediate", flaky).run("{}");

        assertThat(flaky.calls).isEqualTo(5);
        assertThat(gaps(attemptTimes(result))).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(9),
                Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    @Test
    void maxAttemptsZeroNeverRetries() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        Workflow.of(task("[{\"ErrorEquals\":[\"Transient\"],\"MaxAttempts\":0}]", "[]"))
                .bind("remediate", flaky).run("{}");

        assertThat(flaky.calls).isEqualTo(1);
    }

    @Test
    void fullJitterDrawsEachDelayBetweenZeroAndTheComputedDelay() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        Random random = new Random(3);
        ExecutionResult result = Workflow.of(task("""
                [{"ErrorEquals":["Transient"],"IntervalSeconds":10,"MaxAttempts":2,"JitterStrategy":"FULL"}]""", "[]"))
                .bind("remediate", flaky).random(random).run("{}");

        List<Duration> gaps = gaps(attemptTimes(result));
        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(10)).isNotEqualTo(Duration.ofSeconds(10));
        assertThat(gaps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(20)).isNotEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void firstMatchingRetrierDecidesEvenWhenExhausted() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        Workflow.of(task("""
                [{"ErrorEquals":["Transient"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}]""", "[]"))
                .bind("remediate", flaky).run("{}");

        assertThat(flaky.calls).isEqualTo(2);
    }

    @Test
    void eachRetrierCountsItsOwnAttempts() {
        String[] errors = {"A", "B", "A", "B"};
        int[] calls = {0};
        ExecutionResult result = Workflow.of(task("""
                [{"ErrorEquals":["A"],"MaxAttempts":2},{"ErrorEquals":["B"],"MaxAttempts":2}]""", "[]"))
                .bind("remediate", p -> {
                    int n = calls[0]++;
                    if (n < errors.length) {
                        throw new FunctionErrorException(errors[n], "x");
                    }
                    return json("{\"ok\":true}");
                }).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls[0]).isEqualTo(5);
    }

    @Test
    void retryCountInTheContextObjectCountsRetries() {
        int[] calls = {0};
        ExecutionResult result = Workflow.of("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"f","Payload":{"retry.$":"$$.State.RetryCount"}},
                  "ResultSelector":{"seen.$":"$.Payload"},
                  "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}""")
                .bind("f", p -> {
                    if (calls[0]++ < 2) {
                        throw new FunctionErrorException("E", "x");
                    }
                    return p;
                }).run("{}");

        assertThat(result.output()).isEqualTo(json("{\"seen\":{\"retry\":2}}"));
    }

    @Test
    void catchPutsErrorAndCauseAtResultPathAndGoesToNext() {
        ExecutionResult result = Workflow.of(task("[]", """
                [{"ErrorEquals":["RunbookNotFound"],"ResultPath":"$.problem","Next":"Escalate"}]"""))
                .bind("remediate", p -> {
                    throw new FunctionErrorException("RunbookNotFound", "none");
                }).run("{\"alarm\":\"disk\"}");

        assertThat(result.output()).isEqualTo(json("""
                {"alarm":"disk","problem":{"Error":"RunbookNotFound",
                 "Cause":"{\\"errorType\\":\\"RunbookNotFound\\",\\"errorMessage\\":\\"none\\"}"}}"""));
        assertThat(types(result)).containsSequence("LambdaFunctionFailed", "TaskStateExited", "PassStateEntered");
    }

    @Test
    void catchWithoutResultPathReplacesTheInputWithTheError() {
        ExecutionResult result = Workflow.of(task("[]", "[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Escalate\"}]"))
                .bind("remediate", p -> {
                    throw new FunctionErrorException("X", "y", "custom cause");
                }).run("{\"alarm\":\"disk\"}");

        assertThat(result.output()).isEqualTo(json("{\"Error\":\"X\",\"Cause\":\"custom cause\"}"));
    }

    @Test
    void catchAfterRetriesAreExhausted() {
        Workflow.Flaky flaky = new Workflow.Flaky(10, "Transient");
        ExecutionResult result = Workflow.of(task("[{\"ErrorEquals\":[\"Transient\"],\"MaxAttempts\":2}]",
                "[{\"ErrorEquals\":[\"Transient\"],\"ResultPath\":null,\"Next\":\"Escalate\"}]"))
                .bind("remediate", flaky).run("{\"kept\":1}");

        assertThat(flaky.calls).isEqualTo(3);
        assertThat(result.output()).isEqualTo(json("{\"kept\":1}"));
    }

    @Test
    void firstMatchingCatcherWins() {
        ExecutionResult result = Workflow.of("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true,
                    "Catch":[{"ErrorEquals":["Other"],"Next":"Wrong"},{"ErrorEquals":["States.TaskFailed"],"Next":"Right"},
                             {"ErrorEquals":["States.ALL"],"Next":"Wrong"}]},
                  "Wrong":{"Type":"Fail","Error":"Wrong"},
                  "Right":{"Type":"Succeed"}}}""")
                .bind("f", p -> {
                    throw new FunctionErrorException("Boom", "x");
                }).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void taskFailedDoesNotCatchATimeoutButStatesAllDoes() {
        Workflow flow = Workflow.of("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","TimeoutSeconds":5,
                    "End":true,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},
                                        {"ErrorEquals":["States.ALL"],"Next":"Right"}]},
                  "Wrong":{"Type":"Fail","Error":"Wrong"},
                  "Right":{"Type":"Pass","End":true}}}""");
        flow.bind("f", p -> {
            flow.clock.advance(Duration.ofSeconds(6));
            return p;
        });

        ExecutionResult result = flow.run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("Error").asText()).isEqualTo("States.Timeout");
    }

    @Test
    void statesAllCatchesNeitherRetriesStatesRuntime() {
        int[] calls = {0};
        ExecutionResult result = Workflow.of("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                    "OutputPath":"$.missing","End":true,
                    "Retry":[{"ErrorEquals":["States.ALL"]}],
                    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]},
                  "Caught":{"Type":"Pass","End":true}}}""")
                .bind("f", p -> {
                    calls[0]++;
                    return json("{}");
                }).run("{}");

        assertThat(calls[0]).isEqualTo(1);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).startsWith("An error occurred while executing the state 'T' (entered at the event id #2). ")
                .contains("$.missing");
    }
}
