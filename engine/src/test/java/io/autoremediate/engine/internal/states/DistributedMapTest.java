package io.autoremediate.engine.internal.states;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map (ItemProcessor.ProcessorConfig.Mode DISTRIBUTED) runs its items in process, and fails only
 * when failed items exceed its tolerated failure threshold. AWS Step Functions Developer Guide, "Tolerated
 * failure threshold for Distributed Map state",
 * https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html: the Map Run fails with
 * States.ExceedToleratedFailureThreshold when failed items exceed the count or the percentage (of all items);
 * with both set, exceeding either fails it; the default is 0, so one failed child fails the Map.
 */
class DistributedMapTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each item is {"ok": boolean}; a false one fails its iteration with Item.Bad. */
    private static final String MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemsPath":"$.items","End":true,
               "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                 "StartAt":"Check","States":{
                   "Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],
                            "Default":"Bad"},
                   "Done":{"Type":"Pass","Result":"done","End":true},
                   "Bad":{"Type":"Fail","Error":"Item.Bad","Cause":"not ok"}}}}}}""";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2024-05-01T10:00:00Z"));

    private ExecutionResult run(String definition, String input) throws Exception {
        return OneShot.execute(new FunctionRegistry(), clock, StateMachineDefinition.parse(definition),
                new ExecutionRequest("sm", "ex", JSON.readTree(input)), ExecutionListener.NONE);
    }

    private ExecutionResult runMap(String fields, boolean... oks) throws Exception {
        StringBuilder items = new StringBuilder();
        for (boolean ok : oks) {
            items.append(items.length() == 0 ? "" : ",").append("{\"ok\":").append(ok).append('}');
        }
        return run(MAP.formatted(fields), "{\"items\":[" + items + "]}");
    }

    @Test
    void allItemsSucceedingGiveTheOutputsInItemOrder() throws Exception {
        ExecutionResult result = runMap("", true, true);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(JSON.readTree("[\"done\",\"done\"]"));
    }

    @Test
    void withoutAThresholdOneFailedItemFailsTheMapWithExceedToleratedFailureThreshold() throws Exception {
        // maprun-fail-threshold.html: "The default percentage value is zero, which means that the workflow
        // fails if any one of its child workflow executions fails".
        ExecutionResult result = runMap("", true, false, true);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(result.cause()).contains("'M'").contains("1 of 3");
    }

    @Test
    void failuresUpToToleratedFailureCountLeaveTheMapSucceedingWithTheFailedResultsInPlace() throws Exception {
        ExecutionResult result = runMap("\"ToleratedFailureCount\":1,", true, false, true);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(JSON.readTree("""
                ["done",{"Status":"FAILED","Error":"Item.Bad","Cause":"not ok"},"done"]"""));
    }

    @Test
    void failuresBeyondToleratedFailureCountFailTheMap() throws Exception {
        ExecutionResult result = runMap("\"ToleratedFailureCount\":1,", false, true, false);

        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(result.cause()).contains("2 of 3").contains("ToleratedFailureCount 1");
    }

    @Test
    void failedShareEqualToToleratedFailurePercentageIsTolerated() throws Exception {
        // "Your Map Run fails if this value is exceeded": 2 of 4 is 50%, which does not exceed 50.
        ExecutionResult result = runMap("\"ToleratedFailurePercentage\":50,", false, true, false, true);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void failedShareAboveToleratedFailurePercentageFailsTheMap() throws Exception {
        ExecutionResult result = runMap("\"ToleratedFailurePercentage\":50,", false, true, false, false);

        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void toleratedFailurePercentageMayBeADecimal() throws Exception {
        // 1 of 8 items is 12.5%: within 12.5, beyond 12.4.
        boolean[] oneBadOfEight = {false, true, true, true, true, true, true, true};

        assertThat(runMap("\"ToleratedFailurePercentage\":12.5,", oneBadOfEight).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(runMap("\"ToleratedFailurePercentage\":12.4,", oneBadOfEight).error())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void withCountAndPercentageExceedingEitherFailsTheMap() throws Exception {
        // "If you specify both values, the workflow fails when it exceeds either value."
        ExecutionResult overPercentage = runMap("\"ToleratedFailureCount\":5,\"ToleratedFailurePercentage\":10,",
                false, true, true, true);
        ExecutionResult overCount = runMap("\"ToleratedFailureCount\":0,\"ToleratedFailurePercentage\":100,",
                false, true, true, true);

        assertThat(overPercentage.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(overCount.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void toleratedFailurePercentageOfOneHundredNeverFailsTheMap() throws Exception {
        // "If you specify the percentage as 100, the workflow won't fail even if all child workflow executions fail."
        ExecutionResult result = runMap("\"ToleratedFailurePercentage\":100,", false, false);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().size()).isEqualTo(2);
    }

    @Test
    void exceedingTheThresholdCanBeCaughtLikeAnyStateError() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":0,
                   "Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"ResultPath":"$.error",
                             "Next":"Handled"}],"Next":"Done",
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Bad","States":{
                     "Bad":{"Type":"Fail","Error":"Item.Bad"}}}},
                 "Handled":{"Type":"Pass","OutputPath":"$.error.Error","End":true},
                 "Done":{"Type":"Succeed"}}}""", "{\"items\":[1]}");

        assertThat(result.output()).isEqualTo(JSON.readTree("\"States.ExceedToleratedFailureThreshold\""));
    }

    @Test
    void toleratedFailureCountPathReadsTheCountFromTheInput() throws Exception {
        String definition = MAP.formatted("\"ToleratedFailureCountPath\":\"$.tolerate\",");

        ExecutionResult tolerated = run(definition, "{\"tolerate\":1,\"items\":[{\"ok\":false},{\"ok\":true}]}");
        ExecutionResult exceeded = run(definition, "{\"tolerate\":0,\"items\":[{\"ok\":false},{\"ok\":true}]}");

        assertThat(tolerated.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void toleratedFailurePercentagePathReadsThePercentageFromTheInput() throws Exception {
        String definition = MAP.formatted("\"ToleratedFailurePercentagePath\":\"$.tolerate\",");

        ExecutionResult tolerated = run(definition, "{\"tolerate\":50,\"items\":[{\"ok\":false},{\"ok\":true}]}");
        ExecutionResult exceeded = run(definition, "{\"tolerate\":49.9,\"items\":[{\"ok\":false},{\"ok\":true}]}");

        assertThat(tolerated.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void toleratedFailureCountPathToANonIntegerFailsWithStatesRuntimeBeforeAnyItemRuns() throws Exception {
        ExecutionResult result = run(MAP.formatted("\"ToleratedFailureCountPath\":\"$.tolerate\","),
                "{\"tolerate\":\"NoNumber\",\"items\":[{\"ok\":true}]}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("The ToleratedFailureCountPath field refers to value \"NoNumber\"");
        assertThat(result.history().stream().map(HistoryEvent::type)).doesNotContain("MapIterationStarted");
    }

    @Test
    void negativeToleratedFailureCountPathFailsWithStatesRuntime() throws Exception {
        ExecutionResult result = run(MAP.formatted("\"ToleratedFailureCountPath\":\"$.tolerate\","),
                "{\"tolerate\":-1,\"items\":[{\"ok\":true}]}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("cannot be negative");
    }

    @Test
    void toleratedFailurePercentagePathOutsideZeroToHundredFailsWithStatesRuntime() throws Exception {
        // maprun-fail-threshold.html: the path "must resolve to a positive integer between 0 and 100 at runtime".
        String definition = MAP.formatted("\"ToleratedFailurePercentagePath\":\"$.tolerate\",");

        ExecutionResult over = run(definition, "{\"tolerate\":100.1,\"items\":[{\"ok\":true}]}");
        ExecutionResult missing = run(definition, "{\"items\":[{\"ok\":true}]}");

        assertThat(over.error()).isEqualTo("States.Runtime");
        assertThat(over.cause()).contains("between 0 and 100");
        assertThat(missing.error()).isEqualTo("States.Runtime");
        assertThat(missing.cause()).contains("ToleratedFailurePercentagePath");
    }

    @Test
    void inlineMapStillFailsWithTheIterationsOwnError() throws Exception {
        // state-map-inline.html, ProcessorConfig: in INLINE mode "any iteration failure causes the Map state to fail".
        ExecutionResult result = run(MAP.replace("\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"",
                "\"Mode\":\"INLINE\"").formatted(""), "{\"items\":[{\"ok\":true},{\"ok\":false}]}");

        assertThat(result.error()).isEqualTo("Item.Bad");
    }
}
