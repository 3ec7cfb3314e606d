package io.autoremediate.engine.internal.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.OneShot;
import io.autoremediate.engine.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each state type through a real execution. */
class StatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final FunctionRegistry functions = new FunctionRegistry();

    private ExecutionResult run(String definition, String input) throws Exception {
        return OneShot.execute(functions, clock, StateMachineDefinition.parse(definition),
                new ExecutionRequest("sm", "ex", JSON.readTree(input)), ExecutionListener.NONE);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void passWithResultPlacesTheResultAtResultPath() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.r","End":true}}}""",
                "{\"a\":true}");

        assertThat(result.output()).isEqualTo(json("{\"a\":true,\"r\":{\"x\":1}}"));
        assertThat(types(result)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void passWithoutResultPassesItsEffectiveInput() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.inner","End":true}}}""",
                "{\"inner\":{\"v\":2},\"other\":0}");

        assertThat(result.output()).isEqualTo(json("{\"v\":2}"));
    }

    @Test
    void succeedEndsTheExecutionWithItsProcessedInput() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""",
                "{\"a\":{\"b\":[1]}}");

        assertThat(result.output()).isEqualTo(json("[1]"));
        assertThat(types(result)).containsExactly("ExecutionStarted", "SucceedStateEntered", "SucceedStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void failStopsWithItsErrorAndCauseAndNoExitedEvent() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Remediation.Escalated","Cause":"still firing"}}}""",
                "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("Remediation.Escalated");
        assertThat(result.cause()).isEqualTo("still firing");
        assertThat(types(result)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        assertThat(result.history().get(2).toJson().get("executionFailedEventDetails"))
                .isEqualTo(json("{\"error\":\"Remediation.Escalated\",\"cause\":\"still firing\"}"));
    }

    @Test
    void failReadsErrorPathAndCausePathFromTheInput() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.kind",
                  "CausePath":"States.Format('alarm {} still firing', $.alarm)"}}}""",
                "{\"kind\":\"Escalated\",\"alarm\":\"cpu\"}");

        assertThat(result.error()).isEqualTo("Escalated");
        assertThat(result.cause()).isEqualTo("alarm cpu still firing");
    }

    @Test
    void failWithoutErrorOrCauseReportsNeither() throws Exception {
        ExecutionResult result = run("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\"}}}", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isNull();
        assertThat(result.cause()).isNull();
    }

    @Test
    void waitSecondsWaitsOnTheClock() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":90,"End":true}}}""", "{\"k\":1}");

        assertThat(result.output()).isEqualTo(json("{\"k\":1}"));
        assertThat(Duration.between(result.history().get(1).timestamp(), result.history().get(2).timestamp()))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(types(result)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void waitSecondsPathReadsTheSecondsFromTheInput() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""",
                "{\"delay\":300}");

        assertThat(result.stopDate()).isEqualTo(Instant.parse("2024-05-01T10:05:00Z"));
    }

    @Test
    void waitTimestampAndTimestampPathWaitUntilTheInstant() throws Exception {
        ExecutionResult literal = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2024-05-01T11:00:00Z","End":true}}}""", "{}");
        assertThat(literal.stopDate()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));

        ExecutionResult path = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
                "{\"until\":\"2024-05-01T12:30:00+01:00\"}");
        assertThat(path.stopDate()).isEqualTo(Instant.parse("2024-05-01T11:30:00Z"));
    }

    @Test
    void waitUntilAPastTimestampGoesOnAtOnce() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2020-01-01T00:00:00Z","End":true}}}""", "{}");

        assertThat(result.stopDate()).isEqualTo(result.startDate());
    }

    @Test
    void waitSecondsPathThatIsNotAnIntegerFailsWithStatesRuntime() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""",
                "{\"delay\":\"soon\"}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("SecondsPath");
    }

    @Test
    void choiceGoesToTheFirstMatchingRuleAndPassesItsInputOn() throws Exception {
        String definition = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[
                      {"Variable":"$.state","StringEquals":"OK","Next":"Resolved"},
                      {"And":[{"Variable":"$.attempts","NumericGreaterThanEquals":3},
                              {"Variable":"$.state","StringEquals":"ALARM"}],"Next":"Escalate"}],
                    "Default":"Retry"},
                  "Resolved":{"Type":"Pass","Result":"resolved","End":true},
                  "Escalate":{"Type":"Pass","Result":"escalate","End":true},
                  "Retry":{"Type":"Pass","Result":"retry","End":true}}}""";

        assertThat(run(definition, "{\"state\":\"OK\",\"attempts\":5}").output().asText()).isEqualTo("resolved");
        assertThat(run(definition, "{\"state\":\"ALARM\",\"attempts\":3}").output().asText()).isEqualTo("escalate");
        assertThat(run(definition, "{\"state\":\"ALARM\",\"attempts\":1}").output().asText()).isEqualTo("retry");
        assertThat(types(run(definition, "{\"state\":\"OK\",\"attempts\":0}")))
                .containsSequence("ChoiceStateEntered", "ChoiceStateExited", "PassStateEntered");
    }

    @Test
    void choiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Done"}]},
                  "Done":{"Type":"Succeed"}}}""", "{}");

        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void choiceOnAMissingVariableFailsWithStatesRuntime() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.x","StringEquals":"a","Next":"Done"}],"Default":"Done"},
                  "Done":{"Type":"Succeed"}}}""", "{}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("Invalid path '$.x'");
    }

    @Test
    void parallelCollectsBranchOutputsInBranchOrder() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","ResultPath":"$.both","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":5,"Next":"B2"},
                                           "B2":{"Type":"Pass","InputPath":"$.n","End":true}}}]}}}""",
                "{\"n\":7}");

        assertThat(result.output()).isEqualTo(json("{\"n\":7,\"both\":[\"a\",7]}"));
        assertThat(types(result)).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
                "PassStateEntered", "WaitStateEntered", "ParallelStateSucceeded", "ParallelStateExited");
    }

    @Test
    void failingBranchFailsTheParallelStateWithTheBranchErrorWhichCatchCanHandle() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"Par","States":{
                  "Par":{"Type":"Parallel","Next":"Done","Branches":[
                     {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Branch.Broke","Cause":"c"}}}],
                   "Catch":[{"ErrorEquals":["Branch.Broke"],"Next":"Handled"}]},
                  "Done":{"Type":"Succeed"},
                  "Handled":{"Type":"Pass","End":true}}}""", "{}");

        assertThat(result.output()).isEqualTo(json("{\"Error\":\"Branch.Broke\",\"Cause\":\"c\"}"));
        assertThat(types(result)).contains("ParallelStateFailed");
    }

    @Test
    void mapRunsTheProcessorForEachItemWithItemSelector() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.instances","ResultPath":"$.checked",
                  "ItemSelector":{"id.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index","alarm.$":"$.alarm"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Check",
                    "States":{"Check":{"Type":"Pass","Parameters":{"summary.$":"States.Format('{}#{}@{}', $.alarm, $.index, $.id)"},
                                       "OutputPath":"$.summary","End":true}}},
                  "End":true}}}""", "{\"alarm\":\"cpu\",\"instances\":[\"i-1\",\"i-2\"]}");

        assertThat(result.output().get("checked")).isEqualTo(json("[\"cpu#0@i-1\",\"cpu#1@i-2\"]"));
        assertThat(types(result)).containsSubsequence("MapStateEntered", "MapStateStarted", "MapIterationStarted",
                "MapIterationSucceeded", "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded",
                "MapStateExited");
        assertThat(result.history().stream().filter(e -> e.type().equals("MapStateStarted")).findFirst().orElseThrow()
                .toJson().get("mapStateStartedEventDetails").get("length").asInt()).isEqualTo(2);
    }

    @Test
    void mapWithTheLegacyIteratorAndNoSelectorPassesEachItem() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"Id",
                  "States":{"Id":{"Type":"Pass","End":true}}},"End":true}}}""", "[1,2,3]");

        assertThat(result.output()).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void mapOverSomethingOtherThanAnArrayFailsWithStatesRuntime() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.x","Iterator":{"StartAt":"Id",
                  "States":{"Id":{"Type":"Pass","End":true}}},"End":true}}}""", "{\"x\":{}}");

        assertThat(result.error()).isEqualTo("States.Runtime");
    }

    @Test
    void mapIterationFailureIsRetriedAndThenCaughtOnTheMapState() throws Exception {
        int[] calls = {0};
        functions.bind("check", payload -> {
            calls[0]++;
            throw new io.autoremediate.engine.FunctionErrorException("Check.Failed", "item " + payload);
        });

        ExecutionResult result = run("""
                {"StartAt":"M","States":{
                  "M":{"Type":"Map","ItemProcessor":{"StartAt":"Check","States":{"Check":{"Type":"Task",
                         "Resource":"arn:aws:lambda:us-east-1:123456789012:function:check","End":true}}},
                       "Retry":[{"ErrorEquals":["Check.Failed"],"MaxAttempts":1}],
                       "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.error","Next":"Report"}],
                       "ItemsPath":"$.items","End":true},
                  "Report":{"Type":"Pass","OutputPath":"$.error.Error","End":true}}}""", "{\"items\":[1,2]}");

        assertThat(calls[0]).isEqualTo(2);
        assertThat(result.output().asText()).isEqualTo("Check.Failed");
        assertThat(types(result)).containsSubsequence("MapIterationFailed", "MapStateFailed", "MapIterationStarted",
                "MapIterationFailed", "MapStateFailed", "MapStateExited", "PassStateEntered");
    }
}
