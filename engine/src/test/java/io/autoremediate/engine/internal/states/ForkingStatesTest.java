package io.autoremediate.engine.internal.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.InvalidDefinitionException;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.OneShot;
import io.autoremediate.engine.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Parallel branches and Map iterations advance step by step (spec "Parallel State", "Map State"): a Wait in
 * one child lets the others run, and Map's MaxConcurrency bounds how many iterations run at once.
 */
class ForkingStatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAITING_MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{"StartAt":"W","States":{
               "W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}}}""";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final FunctionRegistry functions = new FunctionRegistry();

    private ExecutionResult run(String definition, String input) throws Exception {
        return OneShot.execute(functions, clock, StateMachineDefinition.parse(definition),
                new ExecutionRequest("sm", "ex", JSON.readTree(input)), ExecutionListener.NONE);
    }

    private static Duration took(ExecutionResult result) {
        return Duration.between(result.startDate(), result.stopDate());
    }

    private static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void parallelBranchesWaitAtTheSameTime() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":10,"End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":20,"End":true}}}]}}}""", "{\"x\":1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(JSON.readTree("[{\"x\":1},{\"x\":1}]"));
        assertThat(took(result)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void mapWithoutMaxConcurrencyRunsAllIterationsAtOnce() throws Exception {
        ExecutionResult result = run(WAITING_MAP.formatted(""), "[1,2,3]");

        assertThat(result.output()).isEqualTo(JSON.readTree("[1,2,3]"));
        assertThat(took(result)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void mapMaxConcurrencyOneRunsIterationsOneAfterAnother() throws Exception {
        ExecutionResult result = run(WAITING_MAP.formatted("\"MaxConcurrency\":1,"), "[1,2,3]");

        assertThat(result.output()).isEqualTo(JSON.readTree("[1,2,3]"));
        assertThat(took(result)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void mapMaxConcurrencyTwoRunsTwoIterationsAtOnce() throws Exception {
        ExecutionResult result = run(WAITING_MAP.formatted("\"MaxConcurrency\":2,"), "[1,2,3,4,5]");

        assertThat(took(result)).isEqualTo(Duration.ofSeconds(30));
        assertThat(types(result).stream().filter("MapIterationSucceeded"::equals)).hasSize(5);
    }

    @Test
    void mapMaxConcurrencyPathReadsTheLimitFromTheInput() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit",
                   "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},
                   "End":true}}}""", "{\"items\":[1,2,3,4],\"limit\":1}");

        assertThat(took(result)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void mapMaxConcurrencyPathThatIsNotAnIntegerFailsWithStatesRuntime() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrencyPath":"$.limit","ItemsPath":"$.items",
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"items\":[1],\"limit\":\"two\"}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("MaxConcurrencyPath");
    }

    @Test
    void maxConcurrencyAndItsPathTogetherAreAnInvalidDefinition() {
        Assertions.assertThatThrownBy(() -> StateMachineDefinition.parse("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"MaxConcurrencyPath":"$.n",
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void aFailingIterationAbortsTheIterationsStillRunning() throws Exception {
        List<JsonNode> calls = new ArrayList<>();
        functions.bind("check", payload -> {
            calls.add(payload);
            throw new FunctionErrorException("Check.Failed", "item " + payload);
        });

        ExecutionResult result = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Choose","States":{
                   "Choose":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Check"}],
                             "Default":"Sleep"},
                   "Sleep":{"Type":"Wait","Seconds":60,"End":true},
                   "Check":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:check",
                            "End":true}}},"End":true}}}""", "[1,2,3]");

        assertThat(result.error()).isEqualTo("Check.Failed");
        assertThat(calls).hasSize(1);
        assertThat(types(result)).containsSubsequence("MapIterationFailed", "MapIterationAborted",
                "MapStateFailed", "ExecutionFailed");
        assertThat(took(result)).isZero();
    }

    @Test
    void nestedMapsInsideParallelJoinInOrder() throws Exception {
        ExecutionResult result = run("""
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"W","States":{
                     "W":{"Type":"Wait","SecondsPath":"$","Next":"P"},"P":{"Type":"Pass","End":true}}},"End":true}}},
                  {"StartAt":"Q","States":{"Q":{"Type":"Pass","Result":"q","End":true}}}]}}}""", "[3,1,2]");

        assertThat(result.output()).isEqualTo(JSON.readTree("[[3,1,2],\"q\"]"));
        assertThat(took(result)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void emptyMapSucceedsWithAnEmptyArray() throws Exception {
        ExecutionResult result = run(WAITING_MAP.formatted(""), "[]");

        assertThat(result.output()).isEqualTo(JSON.readTree("[]"));
        assertThat(types(result)).containsSubsequence("MapStateStarted", "MapStateSucceeded");
    }
}
